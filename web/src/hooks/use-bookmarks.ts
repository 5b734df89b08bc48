import { useCallback } from 'preact/hooks';
import { NotFoundError } from '../api/errors';
import type { Bookmark } from '../api/types';
import { removeItem } from '../lists/paged-list';
import { useApi } from './use-api';
import { usePendingIds } from './use-pending-ids';
import { usePagedList, type PageFetcher, type PagedListState } from './use-paged-list';
import { useToasts } from './use-toasts';

export interface BookmarksState extends PagedListState<Bookmark> {
  /** Bookmark ids whose removal is in flight. */
  removing: ReadonlySet<number>;
  remove: (bookmarkId: number) => void;
}

/** The signed-in user's bookmarks (none loaded unless `enabled`), newest first, paged. */
export function useBookmarks(enabled: boolean): BookmarksState {
  const api = useApi();
  const toasts = useToasts();
  const fetchPage = useCallback<PageFetcher<Bookmark>>((page, signal) => api.getBookmarks(page, signal), [api]);
  const bookmarks = usePagedList(enabled ? fetchPage : null);
  const { update } = bookmarks;
  const { pending: removing, start, settle } = usePendingIds();

  const remove = useCallback(
    (bookmarkId: number) => {
      start(bookmarkId);
      api
        .removeBookmark(bookmarkId)
        .catch((error: unknown) => {
          // Already gone (removed in another tab): drop it here too.
          if (!(error instanceof NotFoundError)) throw error;
        })
        .then(() => update((list) => removeItem(list, bookmarkId)))
        .catch((error: unknown) => toasts.showError(error))
        .finally(() => settle(bookmarkId));
    },
    [api, toasts, update, start, settle],
  );

  return { ...bookmarks, removing, remove };
}
