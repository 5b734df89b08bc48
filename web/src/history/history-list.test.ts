import { describe, expect, it } from 'vitest';
import { addPage, EMPTY_PAGED_LIST, newestFirst } from '../lists/paged-list';
import { historyItem, historyItems } from '../test/fixtures';
import { addLiveItem, setSongBookmark, withSongBookmark, type HistoryList } from './history-list';

const ids = (list: HistoryList) => newestFirst(list).map((item) => item.id);

describe('history list', () => {
  it('adds a live item on top and remembers it arrived live', () => {
    const list = addLiveItem(addPage(EMPTY_PAGED_LIST, historyItems(10, 8), 50), historyItem(11), null);
    expect(ids(list)).toEqual([11, 10, 9, 8]);
    expect(list.addedIds.has(11)).toBe(true);
  });

  it('drops live items of other channels when filtered, takes all when not', () => {
    const page = addPage(EMPTY_PAGED_LIST, historyItems(10, 9, { channel_id: 2 }), 50);
    const other = historyItem(11, { channel_id: 3 });
    expect(addLiveItem(page, other, 2)).toBe(page);
    expect(ids(addLiveItem(page, historyItem(12, { channel_id: 2 }), 2))).toEqual([12, 10, 9]);
    expect(ids(addLiveItem(page, other, null))).toEqual([11, 10, 9]);
  });

  it('marks every play of a bookmarked song, and unmarks them', () => {
    let list = addPage(EMPTY_PAGED_LIST, [historyItem(3, { song_id: 9 }), historyItem(2), historyItem(1, { song_id: 9 })], 50);
    list = setSongBookmark(list, 9, 44);
    expect(newestFirst(list).map((item) => item.bookmark_id)).toEqual([44, 0, 44]);
    list = setSongBookmark(list, 9, 0);
    expect(newestFirst(list).map((item) => item.bookmark_id)).toEqual([0, 0, 0]);
  });

  it('returns the same list when a bookmark change touches nothing', () => {
    const list = addPage(EMPTY_PAGED_LIST, historyItems(3, 1), 50);
    expect(setSongBookmark(list, 424242, 1)).toBe(list);
  });

  it('gives a play its song bookmark, and returns a play of another song as it was', () => {
    const play = historyItem(1, { song_id: 9 });
    expect(withSongBookmark(play, 9, 3).bookmark_id).toBe(3);
    expect(withSongBookmark(play, 8, 3)).toBe(play);
    expect(withSongBookmark(play, 9, 0)).toBe(play);
  });
});
