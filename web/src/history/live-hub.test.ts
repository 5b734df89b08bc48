import { describe, expect, it, vi } from 'vitest';
import type { HistoryItem, WatchMatchEvent } from '../api/types';
import { FakeEventSource } from '../test/fake-event-source';
import { historyItem } from '../test/fixtures';
import { RETRY_DELAYS_MS, type LiveStatus } from './live-connection';
import { createLiveHub } from './live-hub';

function setup() {
  const sources: FakeEventSource[] = [];
  const hub = createLiveHub((lastEventId) => {
    const source = new FakeEventSource(`/history/events${lastEventId === null ? '' : `?last_event_id=${lastEventId}`}`);
    sources.push(source);
    return source;
  });
  return { hub, sources };
}

describe('live hub', () => {
  it('opens one stream for every subscriber and hands each event to all of them', () => {
    const { hub, sources } = setup();
    const items: HistoryItem[] = [];
    const matches: WatchMatchEvent[] = [];
    const statuses: LiveStatus[] = [];
    hub.subscribe({ onItem: (item) => items.push(item), onStatus: (status) => statuses.push(status) });
    hub.subscribe({ onWatch: (match) => matches.push(match), onItem: (item) => items.push(item) });
    expect(sources).toHaveLength(1);
    sources[0]!.open();
    sources[0]!.send(historyItem(3));
    const match = { watch_id: 1, kind: 'text', value: 'love', item: historyItem(3) } as const;
    sources[0]!.sendWatch(match);
    expect(items.map((item) => item.id)).toEqual([3, 3]);
    expect(matches).toEqual([match]);
    expect(statuses).toEqual(['connecting', 'live']);
  });

  it('hands the removal of a channel to every subscriber that wants it', () => {
    const { hub, sources } = setup();
    const first: number[] = [];
    const second: number[] = [];
    hub.subscribe({ onChannelRemoved: (id) => first.push(id) });
    hub.subscribe({});
    hub.subscribe({ onChannelRemoved: (id) => second.push(id) });
    sources[0]!.open();
    sources[0]!.sendChannelRemoved(5);
    expect(first).toEqual([5]);
    expect(second).toEqual([5]);
  });

  it('tells a late subscriber where the stream stands, and closes it after the last one leaves', () => {
    const { hub, sources } = setup();
    const leaveFirst = hub.subscribe({});
    sources[0]!.open();
    const statuses: LiveStatus[] = [];
    const leaveSecond = hub.subscribe({ onStatus: (status) => statuses.push(status) });
    expect(statuses).toEqual(['live']);
    leaveFirst();
    expect(sources[0]!.closed).toBe(false);
    leaveSecond();
    leaveSecond();
    expect(sources[0]!.closed).toBe(true);
    hub.subscribe({});
    expect(sources).toHaveLength(2);
  });

  it('replays to a subscriber joining an open stream what it missed, from the oldest id any subscriber shows', () => {
    const { hub, sources } = setup();
    let shown = 30;
    const items: number[] = [];
    hub.subscribe({ lastSeenId: () => shown, onItem: (item) => items.push(item.id) });
    sources[0]!.open();
    sources[0]!.send(historyItem(31));
    shown = 31;
    // A page that loaded before item 31 joins: the stream starts again after its newest id.
    hub.subscribe({ lastSeenId: () => 29, onItem: (item) => items.push(item.id) });
    expect(sources[0]!.closed).toBe(true);
    expect(sources[1]!.url).toBe('/history/events?last_event_id=29');
    // One that shows no history (the watch alerts) joins the open stream as it is.
    hub.subscribe({});
    expect(sources).toHaveLength(2);
    sources[1]!.open();
    sources[1]!.send(historyItem(30));
    sources[1]!.send(historyItem(31));
    expect(items).toEqual([31, 30, 30, 31, 31]);
  });

  it('resumes a stream reopened after a drop after the newest id it received', () => {
    vi.useFakeTimers();
    const { hub, sources } = setup();
    hub.subscribe({ lastSeenId: () => 12 });
    hub.subscribe({});
    expect(sources[0]!.url).toBe('/history/events?last_event_id=12');
    sources[0]!.open();
    sources[0]!.send(historyItem(40));
    sources[0]!.fail(true);
    vi.advanceTimersByTime(RETRY_DELAYS_MS[0]);
    expect(sources[1]!.url).toBe('/history/events?last_event_id=40');
    vi.useRealTimers();
  });
});
