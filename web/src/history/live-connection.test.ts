import { describe, expect, it } from 'vitest';
import type { Channel, HistoryItem, WatchMatchEvent } from '../api/types';
import { FakeEventSource } from '../test/fake-event-source';
import { historyItem } from '../test/fixtures';
import { connectLive, type LiveStatus } from './live-connection';

function setup(lastSeen: number | null = null) {
  const sources: FakeEventSource[] = [];
  const opened: (number | null)[] = [];
  const items: HistoryItem[] = [];
  const channels: Channel[] = [];
  const removedChannels: number[] = [];
  const watches: WatchMatchEvent[] = [];
  const statuses: LiveStatus[] = [];
  const timers: { callback: () => void; ms: number; cleared: boolean }[] = [];
  let seen = lastSeen;
  const connection = connectLive({
    open: (lastEventId) => {
      opened.push(lastEventId);
      const source = new FakeEventSource(`/history/events?last_event_id=${lastEventId}`);
      sources.push(source);
      return source;
    },
    lastSeenId: () => seen,
    onItem: (item) => items.push(item),
    onChannel: (channel) => channels.push(channel),
    onChannelRemoved: (id) => removedChannels.push(id),
    onWatch: (match) => watches.push(match),
    onStatus: (status) => statuses.push(status),
    retryDelaysMs: [100, 200],
    setTimer: (callback, ms) => {
      const timer = { callback, ms, cleared: false };
      timers.push(timer);
      return timer;
    },
    clearTimer: (timer) => {
      (timer as { cleared: boolean }).cleared = true;
    },
  });
  const current = () => sources[sources.length - 1]!;
  const fireTimer = () => {
    const timer = timers.find((candidate) => !candidate.cleared);
    if (!timer) throw new Error('no timer pending');
    timer.cleared = true;
    timer.callback();
  };
  return {
    connection,
    sources,
    opened,
    items,
    channels,
    removedChannels,
    watches,
    statuses,
    timers,
    current,
    fireTimer,
    setSeen: (id: number) => (seen = id),
  };
}

describe('connectLive', () => {
  it('hands on channel status changes, apart from history items, and ignores malformed ones', () => {
    const live = setup();
    live.current().open();
    const status = { state: 'failing', since: '2026-12-05T14:52:00Z', last_poll_at: null, last_change_at: null, error: 'timeout' } as const;
    live.current().sendChannel({ id: 2, name: 'green', url: 'u', status });
    live.current().sendChannel({ id: 3, name: 'blue', url: 'u' });
    expect(live.channels).toEqual([{ id: 2, name: 'green', url: 'u', status }]);
    expect(live.items).toEqual([]);
  });

  it('hands on the removal of a channel apart from status changes, and ignores malformed removals', () => {
    const live = setup();
    live.current().open();
    live.current().sendChannelRemoved(4);
    for (const data of ['{"id": 0, "removed": true}', '{"id": 4, "removed": "yes"}', '{"id": 4, "removed": false}', '{"removed": true}']) {
      live.current().sendChannelRaw(data);
    }
    expect(live.removedChannels).toEqual([4]);
    expect(live.channels).toEqual([]);
    expect(live.items).toEqual([]);
  });

  it('hands on watch matches apart from history items (they do not move where the stream resumes)', () => {
    const live = setup();
    live.current().open();
    const match = { watch_id: 3, kind: 'song', value: 'Air - Playground Love', item: historyItem(9) } as const;
    live.current().sendWatch(match);
    live.current().sendRaw('{"watch_id": 3}');
    expect(live.watches).toEqual([match]);
    expect(live.items).toEqual([]);
    live.current().fail(true);
    live.fireTimer();
    expect(live.opened).toEqual([null, null]);
  });

  it('connects, resuming after the newest id the page shows, and goes live on open', () => {
    const live = setup(40);
    expect(live.opened).toEqual([40]);
    expect(live.statuses).toEqual(['connecting']);
    live.current().open();
    expect(live.statuses).toEqual(['connecting', 'live']);
  });

  it('hands each history event to onItem and skips malformed ones', () => {
    const live = setup();
    live.current().open();
    live.current().send(historyItem(41));
    live.current().sendRaw('not json');
    live.current().send(historyItem(42, { channel_id: 3 }));
    expect(live.items.map((item) => item.id)).toEqual([41, 42]);
  });

  it('shows "reconnecting" while the browser retries by itself, without opening a new stream', () => {
    const live = setup();
    live.current().open();
    live.current().fail(false);
    expect(live.statuses.at(-1)).toBe('reconnecting');
    expect(live.sources).toHaveLength(1);
    expect(live.timers).toHaveLength(0);
    live.current().open();
    expect(live.statuses.at(-1)).toBe('live');
  });

  it('reopens a stream the browser gave up on, after a delay, resuming after the newest id received', () => {
    const live = setup(10);
    live.current().open();
    live.current().send(historyItem(15));
    live.current().fail(true);
    expect(live.sources[0]!.closed).toBe(true);
    expect(live.statuses.at(-1)).toBe('reconnecting');
    expect(live.timers[0]!.ms).toBe(100);
    live.fireTimer();
    expect(live.opened).toEqual([10, 15]);
  });

  it('resumes after the page’s newest id when that is newer than anything received', () => {
    const live = setup(10);
    live.current().fail(true);
    live.setSeen(60);
    live.fireTimer();
    expect(live.opened).toEqual([10, 60]);
  });

  it('waits longer after each failure in a row, and starts over once connected', () => {
    const live = setup();
    live.current().fail(true);
    live.fireTimer();
    live.current().fail(true);
    live.fireTimer();
    live.current().fail(true);
    expect(live.timers.map((timer) => timer.ms)).toEqual([100, 200, 200]);
    live.fireTimer();
    live.current().open();
    live.current().fail(true);
    expect(live.timers.at(-1)!.ms).toBe(100);
  });

  it('stops everything on close: the stream, pending reopens, late events', () => {
    const live = setup();
    const first = live.current();
    first.open();
    first.fail(true);
    live.connection.close();
    expect(live.timers[0]!.cleared).toBe(true);

    const other = setup();
    const source = other.current();
    source.open();
    other.connection.close();
    expect(source.closed).toBe(true);
    source.send(historyItem(1));
    expect(other.items).toEqual([]);
  });
});
