import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { isAbort, PAGE_SIZE } from '../api/client';
import type { PageRequest } from '../api/types';
import { addPage, EMPTY_PAGED_LIST, newestFirst, oldestId, type Identified, type PagedList } from '../lists/paged-list';
import { useToasts } from './use-toasts';

/** Fetches one page: at most `limit` items with id < `before` (absent = the newest), newest first. */
export type PageFetcher<T> = (page: Required<Pick<PageRequest, 'limit'>> & PageRequest, signal: AbortSignal) => Promise<T[]>;

/** idle = nothing to load (no fetcher); error = the first page failed. */
export type ListStatus = 'idle' | 'loading' | 'ready' | 'error';

export interface PagedListState<T extends Identified> {
  list: PagedList<T>;
  /** The items held, newest first. */
  items: T[];
  status: ListStatus;
  loadingMore: boolean;
  /** Asks for the next, older page; does nothing while a request is in flight. */
  loadMore: () => void;
  /** Loads the list again from the first page. */
  retry: () => void;
  /** Changes the items held: live arrivals, edits, removals. */
  update: (change: (list: PagedList<T>) => PagedList<T>) => void;
}

/**
 * A list paged with the API's `before=<id>` keyset: the first page whenever
 * `fetchPage` changes (pass a memoized fetcher, whose identity changes with the
 * filter it applies; null = nothing to load) or on retry, older pages on demand.
 * One request at a time, each with its own AbortController, aborted when the
 * list starts over or unmounts; an answer for a list no longer shown is dropped
 * even when it comes anyway.
 */
export function usePagedList<T extends Identified>(fetchPage: PageFetcher<T> | null, pageSize = PAGE_SIZE): PagedListState<T> {
  const toasts = useToasts();
  const [list, setList] = useState<PagedList<T>>(EMPTY_PAGED_LIST);
  const [status, setStatus] = useState<ListStatus>(fetchPage === null ? 'idle' : 'loading');
  const [loadingMore, setLoadingMore] = useState(false);
  const [attempt, setAttempt] = useState(0);
  // The list as last changed, for the next page's cursor (state is only read at the next render).
  const latest = useRef<PagedList<T>>(EMPTY_PAGED_LIST);
  // Bumped whenever the list starts over or unmounts: answers carry the generation they were asked in.
  const generation = useRef(0);
  const inFlight = useRef<AbortController | null>(null);

  const update = useCallback((change: (list: PagedList<T>) => PagedList<T>) => {
    latest.current = change(latest.current);
    setList(latest.current);
  }, []);

  const request = useCallback(
    /** Starts a request unless one is in flight; says whether it did. */
    (page: PageRequest, onPage: () => void, onError: (error: unknown) => void): boolean => {
      if (fetchPage === null || inFlight.current !== null) return false;
      const asked = generation.current;
      const abort = new AbortController();
      inFlight.current = abort;
      const limit = page.limit ?? pageSize;
      fetchPage({ ...page, limit }, abort.signal)
        .then((items) => {
          if (generation.current !== asked) return;
          update((shown) => addPage(shown, items, limit));
          onPage();
        })
        .catch((error: unknown) => {
          if (generation.current === asked && !isAbort(error)) onError(error);
        })
        .finally(() => {
          if (inFlight.current !== abort) return;
          inFlight.current = null;
          setLoadingMore(false);
        });
      return true;
    },
    [fetchPage, pageSize, update],
  );

  useEffect(() => {
    update(() => EMPTY_PAGED_LIST);
    setLoadingMore(false);
    setStatus(fetchPage === null ? 'idle' : 'loading');
    request(
      { limit: pageSize },
      () => setStatus('ready'),
      (error) => {
        setStatus('error');
        toasts.showError(error);
      },
    );
    return () => {
      generation.current += 1;
      inFlight.current?.abort();
      inFlight.current = null;
    };
  }, [fetchPage, pageSize, attempt, request, update, toasts]);

  const loadMore = useCallback(() => {
    if (request({ limit: pageSize, before: oldestId(latest.current) }, () => undefined, toasts.showError)) setLoadingMore(true);
  }, [request, pageSize, toasts]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  const items = useMemo(() => newestFirst(list), [list]);

  return { list, items, status, loadingMore, loadMore, retry, update };
}
