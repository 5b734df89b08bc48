import type { HistoryItem } from '../api/types';
import { addOnTop, mapItems, type PagedList } from '../lists/paged-list';

/** The history shown on the page: pages loaded with "More" and the items that arrived live on top. */
export type HistoryList = PagedList<HistoryItem>;

export function matchesChannel(item: HistoryItem, channelId: number | null): boolean {
  return channelId === null || item.channel_id === channelId;
}

/** Adds an item that arrived on the live stream, if it belongs to the channel shown (null = all) and is not there yet. */
export function addLiveItem(list: HistoryList, item: HistoryItem, channelId: number | null): HistoryList {
  return matchesChannel(item, channelId) ? addOnTop(list, item) : list;
}

/** `item` with `bookmarkId` (0 = not bookmarked) if it is a play of `songId`; else `item` itself. */
export function withSongBookmark(item: HistoryItem, songId: number, bookmarkId: number): HistoryItem {
  return item.song_id === songId && item.bookmark_id !== bookmarkId ? { ...item, bookmark_id: bookmarkId } : item;
}

/** Every play of `songId` gets `bookmarkId` (0 = not bookmarked). */
export function setSongBookmark(list: HistoryList, songId: number, bookmarkId: number): HistoryList {
  return mapItems(list, (item) => withSongBookmark(item, songId, bookmarkId));
}
