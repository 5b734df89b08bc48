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

/** The history of one channel (null = all), paged, with live items on top. */
export function useHistoryFeed(channelId: number | null): HistoryFeed {
  const api = useApi();
  const fetchPage = useCallback<PageFetcher<HistoryItem>>(
    (page, signal) => api.getHistory({ ...page, channelId }, signal),
    [api, channelId],
  );
  const feed = usePagedList(fetchPage);
  const { update } = feed;
  const addLive = useCallback((item: HistoryItem) => update((list) => addLiveItem(list, item, channelId)), [update, channelId]);
  const setBookmark = useCallback(
    (songId: number, bookmarkId: number) => update((list) => setSongBookmark(list, songId, bookmarkId)),
    [update],
  );
  return { ...feed, addLive, setBookmark };
}
