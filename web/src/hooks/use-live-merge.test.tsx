import { act, renderHook } from '@testing-library/preact';
import type { ComponentChildren } from 'preact';
import { describe, expect, it, vi } from 'vitest';
import type { HistoryItem } from '../api/types';
import { addPage, EMPTY_PAGED_LIST } from '../lists/paged-list';
import { createFakeBackend } from '../test/fake-backend';
import { channelStatus, historyItem } from '../test/fixtures';
import { ApiContext } from './use-api';
import { useLiveMerge, type LiveTargets } from './use-live-merge';

function targets(listed: HistoryItem[], playing: HistoryItem[]): LiveTargets {
  return {
    feed: { list: addPage(EMPTY_PAGED_LIST, listed, 50), addLive: vi.fn() },
    nowPlaying: { nowPlaying: new Map(playing.map((item) => [item.channel_id, item])), apply: vi.fn() },
  };
}

function renderLiveMerge(enabled: boolean, page: LiveTargets) {
  const backend = createFakeBackend(() => ({ status: 404 }));
  const wrapper = ({ children }: { children: ComponentChildren }) => (
    <ApiContext.Provider value={backend.api}>{children}</ApiContext.Provider>
  );
  const hook = renderHook(({ on }: { on: boolean }) => useLiveMerge(on, page), { wrapper, initialProps: { on: enabled } });
  return { backend, hook };
}

describe('live merging', () => {
  it('hands each live item to the cards and the list, with the bookmark of a play of its song already shown', () => {
    const page = targets([historyItem(5, { song_id: 50, bookmark_id: 77 })], [historyItem(4, { channel_id: 2 })]);
    const { backend } = renderLiveMerge(true, page);
    act(() => backend.sources[0]!.send(historyItem(6, { song_id: 50 })));
    const expected = historyItem(6, { song_id: 50, bookmark_id: 77 });
    expect(page.nowPlaying.apply).toHaveBeenCalledWith(expected);
    expect(page.feed.addLive).toHaveBeenCalledWith(expected);
  });

  it('takes the bookmark from a now-playing card too, and leaves other songs unmarked', () => {
    const page = targets([], [historyItem(4, { song_id: 60, bookmark_id: 8, channel_id: 3 })]);
    const { backend } = renderLiveMerge(true, page);
    act(() => backend.sources[0]!.send(historyItem(7, { song_id: 60 })));
    act(() => backend.sources[0]!.send(historyItem(8, { song_id: 61 })));
    expect(page.feed.addLive).toHaveBeenNthCalledWith(1, historyItem(7, { song_id: 60, bookmark_id: 8 }));
    expect(page.feed.addLive).toHaveBeenNthCalledWith(2, historyItem(8, { song_id: 61 }));
  });

  it('resumes after the newest id shown, in the list or in a card', () => {
    const { backend } = renderLiveMerge(true, targets([historyItem(30), historyItem(29)], [historyItem(41, { channel_id: 2 })]));
    expect(backend.sources[0]!.url).toBe('/history/events?last_event_id=41');
    const listNewer = renderLiveMerge(true, targets([historyItem(52)], [historyItem(41, { channel_id: 2 })]));
    expect(listNewer.backend.sources[0]!.url).toBe('/history/events?last_event_id=52');
  });

  it('opens from the start when the page holds nothing', () => {
    const { backend } = renderLiveMerge(true, targets([], []));
    expect(backend.sources[0]!.url).toBe('/history/events');
  });

  it('drops a channel an admin removed from the channels', () => {
    const page = { ...targets([], []), channels: { remove: vi.fn(), add: vi.fn() } };
    const { backend } = renderLiveMerge(true, page);
    act(() => backend.sources[0]!.sendChannelRemoved(3));
    expect(page.channels.remove).toHaveBeenCalledWith(3);
    expect(page.channels.add).not.toHaveBeenCalled();
  });

  it('offers the channel of each status change to the channels (one just added is not listed yet) before its status goes on', () => {
    const calls: string[] = [];
    const page: LiveTargets = {
      ...targets([], []),
      channels: { remove: vi.fn(), add: (channel) => calls.push(`add ${channel.name}`) },
      statuses: { apply: (channel) => calls.push(`status of ${channel.id}: ${channel.status.state}`) },
    };
    const { backend } = renderLiveMerge(true, page);
    act(() =>
      backend.sources[0]!.sendChannel({
        id: 4,
        name: 'purple',
        url: 'http://127.0.0.1:1/purple',
        status: channelStatus({ state: 'pending' }),
      }),
    );
    expect(calls).toEqual(['add purple', 'status of 4: pending']);
  });

  it('opens no stream while off, and closes it when switched off', () => {
    const { backend, hook } = renderLiveMerge(false, targets([], []));
    expect(backend.sources).toHaveLength(0);
    expect(hook.result.current).toBe('off');
    hook.rerender({ on: true });
    expect(backend.sources).toHaveLength(1);
    hook.rerender({ on: false });
    expect(backend.sources[0]!.closed).toBe(true);
  });
});
