import type { HistoryItem } from '../api/types';
import { withSongBookmark } from './history-list';

/** Each channel's latest item, by channel id. */
export type NowPlaying = ReadonlyMap<number, HistoryItem>;

/**
 * Makes `item` its channel's now-playing entry if it is newer (higher id) than
 * the one shown; an older or repeated item (a replay after reconnecting) changes nothing.
 */
export function updateNowPlaying(nowPlaying: NowPlaying, item: HistoryItem): NowPlaying {
  const current = nowPlaying.get(item.channel_id);
  if (current !== undefined && current.id >= item.id) return nowPlaying;
  const next = new Map(nowPlaying);
  next.set(item.channel_id, item);
  return next;
}

/** Every now-playing entry of `songId` gets `bookmarkId` (0 = not bookmarked). */
export function setNowPlayingBookmark(nowPlaying: NowPlaying, songId: number, bookmarkId: number): NowPlaying {
  let changed = false;
  const next = new Map(nowPlaying);
  for (const [channelId, item] of nowPlaying) {
    const marked = withSongBookmark(item, songId, bookmarkId);
    if (marked !== item) {
      next.set(channelId, marked);
      changed = true;
    }
  }
  return changed ? next : nowPlaying;
}

/** The highest id among the entries: where a live stream should resume. */
export function latestId(nowPlaying: NowPlaying): number | null {
  let latest: number | null = null;
  for (const item of nowPlaying.values()) {
    if (latest === null || item.id > latest) latest = item.id;
  }
  return latest;
}
