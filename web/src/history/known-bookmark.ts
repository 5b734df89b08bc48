import type { HistoryItem } from '../api/types';

/**
 * Live items carry bookmark_id 0 (the stream is the same for everyone), so a
 * live play of a song the user bookmarked takes the bookmark id from another
 * play of that song already on the page.
 */
export function withKnownBookmark(item: HistoryItem, known: Iterable<HistoryItem>): HistoryItem {
  if (item.bookmark_id > 0) return item;
  for (const other of known) {
    if (other.song_id === item.song_id && other.bookmark_id > 0) return { ...item, bookmark_id: other.bookmark_id };
  }
  return item;
}
