import type { ApiClient } from '../api/client';
import type { HistoryItem } from '../api/types';

/** How many songs the "at" page shows before and after the one playing at the moment asked about. */
export const AROUND = 3;
/** How far after the moment the songs after it are looked for (a radio plays a dozen an hour). */
const AFTER_WINDOW_MS = 3 * 3_600_000;
const PAGE = 100;
const MAX_PAGES = 5;

export interface PlayingAround {
  /** The item playing at the moment (the last one that started before it), or null. */
  playing: HistoryItem | null;
  /** Newest first: up to AROUND after the moment, the one playing, up to AROUND before. */
  items: HistoryItem[];
}

/**
 * What one channel played around `moment`: "playing at T" is the newest item before T
 * (`to=T&limit=1`, T exclusive), and the ones after are the oldest of those from T on.
 * The API lists newest first, so the items after are paged down until the oldest is reached.
 */
export async function playingAround(api: ApiClient, channelId: number, moment: Date, signal: AbortSignal): Promise<PlayingAround> {
  const at = moment.toISOString();
  const until = new Date(moment.getTime() + AFTER_WINDOW_MS).toISOString();
  const afterMoment = async () => {
    const found: HistoryItem[] = [];
    for (let page = 0; page < MAX_PAGES; page += 1) {
      const oldest = found[found.length - 1]?.id;
      const items = await api.getHistory({ channelId, from: at, to: until, limit: PAGE, before: oldest }, signal);
      found.push(...items);
      if (items.length < PAGE) break;
    }
    return found;
  };
  const [before, after] = await Promise.all([api.getHistory({ channelId, to: at, limit: AROUND + 1 }, signal), afterMoment()]);
  return { playing: before[0] ?? null, items: [...after.slice(-AROUND), ...before] };
}
