import type { HistoryItem } from '../api/types';

// The history shown on the page: pages loaded with "More" and items that
// arrived live, kept by id so an item seen twice (live, then again in a page
// fetched later) is shown once, always newest (highest id) first.

export interface HistoryList {
  readonly byId: ReadonlyMap<number, HistoryItem>;
  /** Ids that arrived live, to highlight them. */
  readonly liveIds: ReadonlySet<number>;
  /** False once a page came back shorter than asked: nothing older exists. */
  readonly hasMore: boolean;
}

export const emptyHistoryList: HistoryList = { byId: new Map(), liveIds: new Set(), hasMore: true };

/** Adds a page fetched with limit `pageSize`; items already present are replaced by the fresher copy. */
export function addPage(list: HistoryList, items: readonly HistoryItem[], pageSize: number): HistoryList {
  const byId = new Map(list.byId);
  for (const item of items) byId.set(item.id, item);
  return { byId, liveIds: list.liveIds, hasMore: items.length >= pageSize };
}

export function matchesChannel(item: HistoryItem, channelId: number | null): boolean {
  return channelId === null || item.channel_id === channelId;
}

/**
 * Adds an item that arrived on the live stream, if it belongs to the channel
 * shown (null = all) and is not there yet.
 */
export function addLiveItem(list: HistoryList, item: HistoryItem, channelId: number | null): HistoryList {
  if (!matchesChannel(item, channelId) || list.byId.has(item.id)) return list;
  const byId = new Map(list.byId);
  byId.set(item.id, item);
  const liveIds = new Set(list.liveIds);
  liveIds.add(item.id);
  return { byId, liveIds, hasMore: list.hasMore };
}

/** Every play of `songId` gets `bookmarkId` (0 = not bookmarked). */
export function setSongBookmark(list: HistoryList, songId: number, bookmarkId: number): HistoryList {
  let changed = false;
  const byId = new Map(list.byId);
  for (const [id, item] of byId) {
    if (item.song_id === songId && item.bookmark_id !== bookmarkId) {
      byId.set(id, { ...item, bookmark_id: bookmarkId });
      changed = true;
    }
  }
  return changed ? { ...list, byId } : list;
}

export function newestFirst(list: HistoryList): HistoryItem[] {
  return [...list.byId.values()].sort((a, b) => b.id - a.id);
}

/** The `before` cursor for the next page: the smallest id loaded, whether it came from a page or live. */
export function oldestId(list: HistoryList): number | undefined {
  let smallest: number | undefined;
  for (const id of list.byId.keys()) {
    if (smallest === undefined || id < smallest) smallest = id;
  }
  return smallest;
}
