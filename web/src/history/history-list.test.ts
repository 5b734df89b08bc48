import { describe, expect, it } from 'vitest';
import { historyItem, historyItems } from '../test/fixtures';
import { addLiveItem, addPage, emptyHistoryList, newestFirst, oldestId, setSongBookmark } from './history-list';

const ids = (list: Parameters<typeof newestFirst>[0]) => newestFirst(list).map((item) => item.id);

describe('history list', () => {
  it('starts empty, expecting more', () => {
    expect(ids(emptyHistoryList)).toEqual([]);
    expect(emptyHistoryList.hasMore).toBe(true);
    expect(oldestId(emptyHistoryList)).toBeUndefined();
  });

  it('keeps pages newest first and knows when the last page came', () => {
    const first = addPage(emptyHistoryList, historyItems(100, 51), 50);
    expect(ids(first)).toHaveLength(50);
    expect(first.hasMore).toBe(true);
    expect(oldestId(first)).toBe(51);
    const second = addPage(first, historyItems(50, 41), 50);
    expect(ids(second)).toEqual([...historyItems(100, 41)].map((item) => item.id));
    expect(second.hasMore).toBe(false);
  });

  it('prepends a live item and remembers it arrived live', () => {
    const list = addLiveItem(addPage(emptyHistoryList, historyItems(10, 8), 50), historyItem(11), null);
    expect(ids(list)).toEqual([11, 10, 9, 8]);
    expect(list.liveIds.has(11)).toBe(true);
    expect(list.liveIds.has(10)).toBe(false);
  });

  it('keeps order by id even when live items arrive out of order', () => {
    let list = addPage(emptyHistoryList, historyItems(10, 9), 50);
    list = addLiveItem(list, historyItem(13), null);
    list = addLiveItem(list, historyItem(12), null);
    expect(ids(list)).toEqual([13, 12, 10, 9]);
  });

  it('drops live items of other channels when filtered, takes all when not', () => {
    const page = addPage(emptyHistoryList, historyItems(10, 9, { channel_id: 2 }), 50);
    const other = historyItem(11, { channel_id: 3 });
    expect(addLiveItem(page, other, 2)).toBe(page);
    expect(ids(addLiveItem(page, historyItem(12, { channel_id: 2 }), 2))).toEqual([12, 10, 9]);
    expect(ids(addLiveItem(page, other, null))).toEqual([11, 10, 9]);
  });

  it('ignores a live item already loaded (a replay after reconnecting)', () => {
    const page = addPage(emptyHistoryList, historyItems(10, 9), 50);
    expect(addLiveItem(page, historyItem(10), null)).toBe(page);
  });

  it('shows an item once when a page brings one that arrived live', () => {
    // Live items 101..103 arrived while page 1 (100..51) was shown; the next page must not repeat them either.
    let list = addPage(emptyHistoryList, historyItems(100, 51), 50);
    for (const id of [101, 102, 103]) list = addLiveItem(list, historyItem(id), null);
    const refreshed = addPage(list, historyItems(103, 54), 50);
    expect(ids(refreshed)).toEqual(historyItems(103, 51).map((item) => item.id));
    expect(new Set(ids(refreshed)).size).toBe(ids(refreshed).length);
  });

  it('pages on the smallest id loaded, so live arrivals leave no gap', () => {
    let list = addPage(emptyHistoryList, historyItems(100, 51), 50);
    list = addLiveItem(list, historyItem(101), null);
    expect(oldestId(list)).toBe(51);
    list = addPage(list, historyItems(50, 1), 50);
    expect(ids(list)).toEqual(historyItems(101, 1).map((item) => item.id));
  });

  it('uses a live item as the cursor when nothing else is loaded', () => {
    const list = addLiveItem(emptyHistoryList, historyItem(500), null);
    expect(oldestId(list)).toBe(500);
  });

  it('marks every play of a bookmarked song, and unmarks them', () => {
    let list = addPage(emptyHistoryList, [historyItem(3, { song_id: 9 }), historyItem(2), historyItem(1, { song_id: 9 })], 50);
    list = setSongBookmark(list, 9, 44);
    expect(newestFirst(list).map((item) => item.bookmark_id)).toEqual([44, 0, 44]);
    list = setSongBookmark(list, 9, 0);
    expect(newestFirst(list).map((item) => item.bookmark_id)).toEqual([0, 0, 0]);
  });

  it('returns the same list when a bookmark change touches nothing', () => {
    const list = addPage(emptyHistoryList, historyItems(3, 1), 50);
    expect(setSongBookmark(list, 424242, 1)).toBe(list);
  });

  it('does not change the list it was given', () => {
    const page = addPage(emptyHistoryList, historyItems(3, 1), 50);
    addLiveItem(page, historyItem(4), null);
    setSongBookmark(page, historyItem(1).song_id, 5);
    expect(ids(page)).toEqual([3, 2, 1]);
    expect(page.byId.get(1)?.bookmark_id).toBe(0);
    expect(ids(emptyHistoryList)).toEqual([]);
  });
});
