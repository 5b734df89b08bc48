// A list loaded page by page from a keyset-paged API route, newest (highest id)
// first. Items are kept by id, so one seen twice (live, then again in a page
// fetched later) is shown once, and the next page is asked for `before` the
// smallest id held, so items added on top in between neither repeat nor leave a gap.

export interface Identified {
  readonly id: number;
}

export interface PagedList<T extends Identified> {
  readonly byId: ReadonlyMap<number, T>;
  /** Ids added on top (arrived live rather than in a page), to highlight them. */
  readonly addedIds: ReadonlySet<number>;
  /** False once a page came back shorter than asked: nothing older exists. */
  readonly hasMore: boolean;
}

export const EMPTY_PAGED_LIST: PagedList<never> = { byId: new Map<number, never>(), addedIds: new Set<number>(), hasMore: true };

/** Adds a page fetched with limit `pageSize`; items already present are replaced by the fresher copy. */
export function addPage<T extends Identified>(list: PagedList<T>, items: readonly T[], pageSize: number): PagedList<T> {
  const byId = new Map(list.byId);
  for (const item of items) byId.set(item.id, item);
  return { byId, addedIds: list.addedIds, hasMore: items.length >= pageSize };
}

/** Adds an item newer than the pages (from a live stream), unless it is there already. */
export function addOnTop<T extends Identified>(list: PagedList<T>, item: T): PagedList<T> {
  if (list.byId.has(item.id)) return list;
  const byId = new Map(list.byId);
  byId.set(item.id, item);
  return { byId, addedIds: new Set(list.addedIds).add(item.id), hasMore: list.hasMore };
}

/** Applies `change` to every item; the same list when it changed none (returned each item as it was). */
export function mapItems<T extends Identified>(list: PagedList<T>, change: (item: T) => T): PagedList<T> {
  let changed = false;
  const byId = new Map(list.byId);
  for (const [id, item] of list.byId) {
    const next = change(item);
    if (next !== item) {
      byId.set(id, next);
      changed = true;
    }
  }
  return changed ? { ...list, byId } : list;
}

export function removeItem<T extends Identified>(list: PagedList<T>, id: number): PagedList<T> {
  if (!list.byId.has(id)) return list;
  const byId = new Map(list.byId);
  byId.delete(id);
  return { ...list, byId };
}

export function newestFirst<T extends Identified>(list: PagedList<T>): T[] {
  return [...list.byId.values()].sort((a, b) => b.id - a.id);
}

/** The `before` cursor for the next page: the smallest id held, whether it came from a page or on top. */
export function oldestId(list: PagedList<Identified>): number | undefined {
  let smallest: number | undefined;
  for (const id of list.byId.keys()) {
    if (smallest === undefined || id < smallest) smallest = id;
  }
  return smallest;
}

/** The highest id held, or null when empty. */
export function newestId(list: PagedList<Identified>): number | null {
  let newest: number | null = null;
  for (const id of list.byId.keys()) {
    if (newest === null || id > newest) newest = id;
  }
  return newest;
}
