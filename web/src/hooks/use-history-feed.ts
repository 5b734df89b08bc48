import { useCallback } from 'preact/hooks';
import type { HistoryItem } from '../api/types';
import { addLiveItem, setSongBookmark } from '../history/history-list';
import { useApi } from './use-api';
import { usePagedList, type PageFetcher, type PagedListState } from './use-paged-list';

export interface HistoryFeed extends PagedListState<HistoryItem> {
  /** Puts an item from the live stream on top, if it belongs to the channel shown. */
  addLive: (item: HistoryItem) => void;
  setBookmark: (songId: number, bookmarkId: number) => void;
}

/** What a history list shows: one channel (null = all), or the airings of one song, or those matching words. */
export interface HistoryFilter {
  channelId?: number | null;
  songId?: number | null;
  q?: string | null;
}

/** The history of one channel (null = all), or of a song or a search, paged, with live items on top; `enabled` false loads nothing. */
export function useHistoryFeed(filter: number | null | HistoryFilter, enabled = true): HistoryFeed {
  const api = useApi();
  const { channelId = null, songId = null, q = null } = typeof filter === 'object' && filter !== null ? filter : { channelId: filter };
  const fetchPage = useCallback<PageFetcher<HistoryItem>>(
    (page, signal) => api.getHistory({ ...page, channelId, songId, q }, signal),
    [api, channelId, songId, q],
  );
  const feed = usePagedList(enabled ? fetchPage : null);
  const { update } = feed;
  const addLive = useCallback((item: HistoryItem) => update((list) => addLiveItem(list, item, channelId)), [update, channelId]);
  const setBookmark = useCallback(
    (songId: number, bookmarkId: number) => update((list) => setSongBookmark(list, songId, bookmarkId)),
    [update],
  );
  return { ...feed, addLive, setBookmark };
}
