import { useCallback } from 'preact/hooks';
import { NotFoundError } from '../api/errors';
import type { HistoryItem } from '../api/types';
import { useApi } from './use-api';
import { usePendingIds } from './use-pending-ids';
import { useSession } from './use-session';
import { useToasts } from './use-toasts';

/** What a song's heart needs: whether anyone is signed in, which songs wait on a call, and the toggle. */
export interface SongBookmarking {
  signedIn: boolean;
  /** Song ids with a bookmark call in flight (their buttons wait). */
  pending: ReadonlySet<number>;
  toggle: (item: HistoryItem) => void;
}

/**
 * Bookmarks an item's song, or removes its bookmark, then reports the song's
 * new bookmark id (0 = none) to `onChange` so every play of it on screen follows.
 */
export function useBookmarkToggle(onChange: (songId: number, bookmarkId: number) => void): SongBookmarking {
  const api = useApi();
  const toasts = useToasts();
  const signedIn = useSession().status === 'signed-in';
  const { pending, start, settle } = usePendingIds();

  const toggle = useCallback(
    (item: HistoryItem) => {
      if (pending.has(item.song_id)) return;
      start(item.song_id);
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
    [api, toasts, onChange, pending, start, settle],
  );

  return { signedIn, pending, toggle };
}
