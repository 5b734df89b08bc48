import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { isAbort, PAGE_SIZE } from '../api/client';
import { NotFoundError } from '../api/errors';
import type { Bookmark } from '../api/types';
import { useApi } from './use-api';
import { useToasts } from './use-toasts';

export interface BookmarksState {
  bookmarks: Bookmark[];
  status: 'idle' | 'loading' | 'ready' | 'error';
  hasMore: boolean;
  loadingMore: boolean;
  /** Bookmark ids whose removal is in flight. */
  removing: ReadonlySet<number>;
  loadMore(): void;
  remove(bookmarkId: number): void;
  retry(): void;
}

function mergeNewestFirst(shown: readonly Bookmark[], page: readonly Bookmark[]): Bookmark[] {
  const byId = new Map(shown.map((bookmark) => [bookmark.id, bookmark]));
  for (const bookmark of page) byId.set(bookmark.id, bookmark);
  return [...byId.values()].sort((a, b) => b.id - a.id);
}

/** The signed-in user's bookmarks, newest first, paged with `before` on the smallest id shown. */
export function useBookmarks(enabled: boolean): BookmarksState {
  const api = useApi();
  const toasts = useToasts();
  const [bookmarks, setBookmarks] = useState<Bookmark[]>([]);
  const [status, setStatus] = useState<BookmarksState['status']>('idle');
  const [hasMore, setHasMore] = useState(false);
  const [loadingMore, setLoadingMore] = useState(false);
  const [removing, setRemoving] = useState<ReadonlySet<number>>(new Set());
  const [attempt, setAttempt] = useState(0);
  const bookmarksRef = useRef(bookmarks);
  bookmarksRef.current = bookmarks;

  useEffect(() => {
    if (!enabled) {
      setStatus('idle');
      return;
    }
    const abort = new AbortController();
    setStatus('loading');
    api
      .getBookmarks({ limit: PAGE_SIZE }, abort.signal)
      .then((page) => {
        setBookmarks(mergeNewestFirst([], page));
        setHasMore(page.length >= PAGE_SIZE);
        setStatus('ready');
      })
      .catch((error: unknown) => {
        if (isAbort(error)) return;
        setStatus('error');
        toasts.showError(error);
      });
    return () => abort.abort();
  }, [api, toasts, enabled, attempt]);

  const loadMore = useCallback(() => {
    const shown = bookmarksRef.current;
    const before = shown.length > 0 ? Math.min(...shown.map((bookmark) => bookmark.id)) : undefined;
    setLoadingMore(true);
    api
      .getBookmarks({ limit: PAGE_SIZE, before })
      .then((page) => {
        setBookmarks((current) => mergeNewestFirst(current, page));
        setHasMore(page.length >= PAGE_SIZE);
      })
      .catch((error: unknown) => toasts.showError(error))
      .finally(() => setLoadingMore(false));
  }, [api, toasts]);

  const remove = useCallback(
    (bookmarkId: number) => {
      setRemoving((current) => new Set(current).add(bookmarkId));
      api
        .removeBookmark(bookmarkId)
        .catch((error: unknown) => {
          // Already gone (removed in another tab): drop it here too.
          if (!(error instanceof NotFoundError)) throw error;
        })
        .then(() => setBookmarks((current) => current.filter((bookmark) => bookmark.id !== bookmarkId)))
        .catch((error: unknown) => toasts.showError(error))
        .finally(() =>
          setRemoving((current) => {
            const next = new Set(current);
            next.delete(bookmarkId);
            return next;
          }),
        );
    },
    [api, toasts],
  );

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { bookmarks, status, hasMore, loadingMore, removing, loadMore, remove, retry };
}
