import { describe, expect, it } from 'vitest';
import { historyItem, historyItems } from '../test/fixtures';
import { addOnTop, addPage, EMPTY_PAGED_LIST, mapItems, newestFirst, newestId, oldestId, removeItem, type PagedList } from './paged-list';

const ids = (list: PagedList<{ id: number }>) => newestFirst(list).map((item) => item.id);

describe('paged list', () => {
  it('starts empty, expecting more', () => {
    expect(ids(EMPTY_PAGED_LIST)).toEqual([]);
    expect(EMPTY_PAGED_LIST.hasMore).toBe(true);
    expect(oldestId(EMPTY_PAGED_LIST)).toBeUndefined();
    expect(newestId(EMPTY_PAGED_LIST)).toBeNull();
  });

  it('keeps pages newest first and knows when the last page came', () => {
    const first = addPage(EMPTY_PAGED_LIST, historyItems(100, 51), 50);
    expect(ids(first)).toHaveLength(50);
    expect(first.hasMore).toBe(true);
    expect(oldestId(first)).toBe(51);
    expect(newestId(first)).toBe(100);
    const second = addPage(first, historyItems(50, 41), 50);
    expect(ids(second)).toEqual(historyItems(100, 41).map((item) => item.id));
    expect(second.hasMore).toBe(false);
  });

  it('adds an item on top and remembers it did', () => {
    const list = addOnTop(addPage(EMPTY_PAGED_LIST, historyItems(10, 8), 50), historyItem(11));
    expect(ids(list)).toEqual([11, 10, 9, 8]);
    expect(list.addedIds.has(11)).toBe(true);
    expect(list.addedIds.has(10)).toBe(false);
  });

  it('keeps order by id even when items on top arrive out of order', () => {
    let list = addPage(EMPTY_PAGED_LIST, historyItems(10, 9), 50);
    list = addOnTop(list, historyItem(13));
    list = addOnTop(list, historyItem(12));
    expect(ids(list)).toEqual([13, 12, 10, 9]);
  });

  it('ignores an item on top already held (a replay after reconnecting)', () => {
    const page = addPage(EMPTY_PAGED_LIST, historyItems(10, 9), 50);
    expect(addOnTop(page, historyItem(10))).toBe(page);
  });

  it('shows an item once when a page brings one that was added on top', () => {
    // 101..103 arrived while page 1 (100..51) was shown; a page that brings them again must not repeat them.
    let list = addPage(EMPTY_PAGED_LIST, historyItems(100, 51), 50);
    for (const id of [101, 102, 103]) list = addOnTop(list, historyItem(id));
    const refreshed = addPage(list, historyItems(103, 54), 50);
    expect(ids(refreshed)).toEqual(historyItems(103, 51).map((item) => item.id));
  });

  it('pages on the smallest id held, so items on top leave no gap', () => {
    let list = addPage(EMPTY_PAGED_LIST, historyItems(100, 51), 50);
    list = addOnTop(list, historyItem(101));
    expect(oldestId(list)).toBe(51);
    list = addPage(list, historyItems(50, 1), 50);
    expect(ids(list)).toEqual(historyItems(101, 1).map((item) => item.id));
  });

  it('uses an item on top as the cursor when nothing else is held', () => {
    expect(oldestId(addOnTop(EMPTY_PAGED_LIST, historyItem(500)))).toBe(500);
  });

  it('changes items, returning the same list when none changed', () => {
    const list = addPage(EMPTY_PAGED_LIST, historyItems(3, 1), 50);
    const renamed = mapItems(list, (item) => (item.id === 2 ? { ...item, song_title: 'Renamed' } : item));
    expect(newestFirst(renamed).map((item) => item.song_title)).toEqual([historyItem(3).song_title, 'Renamed', historyItem(1).song_title]);
    expect(mapItems(list, (item) => item)).toBe(list);
  });

  it('removes an item, and returns the same list for one it does not hold', () => {
    const list = addPage(EMPTY_PAGED_LIST, historyItems(3, 1), 50);
    expect(ids(removeItem(list, 2))).toEqual([3, 1]);
    expect(removeItem(list, 42)).toBe(list);
  });

  it('does not change the list it was given', () => {
    const page = addPage(EMPTY_PAGED_LIST, historyItems(3, 1), 50);
    addOnTop(page, historyItem(4));
    removeItem(page, 1);
    mapItems(page, (item) => ({ ...item, bookmark_id: 5 }));
    expect(ids(page)).toEqual([3, 2, 1]);
    expect(page.byId.get(1)?.bookmark_id).toBe(0);
    expect(ids(EMPTY_PAGED_LIST)).toEqual([]);
  });
});
