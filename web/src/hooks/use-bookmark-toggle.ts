import { useCallback, useState } from 'preact/hooks';
import { NotFoundError } from '../api/errors';
import type { HistoryItem } from '../api/types';
import { useApi } from './use-api';
import { useToasts } from './use-toasts';

export interface BookmarkToggle {
  /** Song ids with a bookmark call in flight (their buttons wait). */
  pending: ReadonlySet<number>;
  toggle(item: HistoryItem): void;
}

/**
 * Bookmarks an item's song, or removes its bookmark, then reports the song's
 * new bookmark id (0 = none) to `onChange` so every play of it on screen follows.
 */
export function useBookmarkToggle(onChange: (songId: number, bookmarkId: number) => void): BookmarkToggle {
  const api = useApi();
  const toasts = useToasts();
  const [pending, setPending] = useState<ReadonlySet<number>>(new Set());

  const settle = useCallback((songId: number) => {
    setPending((current) => {
      const next = new Set(current);
      next.delete(songId);
      return next;
    });
  }, []);

  const toggle = useCallback(
    (item: HistoryItem) => {
      if (pending.has(item.song_id)) return;
      setPending((current) => new Set(current).add(item.song_id));
      const call =
        item.bookmark_id > 0
          ? api.removeBookmark(item.bookmark_id).then(
              () => 0,
              // Already gone (removed in another tab): the goal is reached.
              (error: unknown) => {
                if (error instanceof NotFoundError) return 0;
                throw error;
              },
            )
          : api.addBookmark(item.song_id).then((bookmark) => bookmark.id);
      call
        .then((bookmarkId) => onChange(item.song_id, bookmarkId))
        .catch((error: unknown) => toasts.showError(error))
        .finally(() => settle(item.song_id));
    },
    [api, toasts, onChange, pending, settle],
  );

  return { pending, toggle };
}
