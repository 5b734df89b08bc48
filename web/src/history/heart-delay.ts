import type { HistoryItem } from '../api/types';

// The delay-aware heart: listeners hear a stream 10–60 s after its title changed, so a heart
// pressed just after a change on a now-playing card may well mean the song before.

export const HEART_DELAY_KEY = 'nicecream.heartDelaySeconds';
export const DEFAULT_HEART_DELAY_SECONDS = 30;
export const MAX_HEART_DELAY_SECONDS = 120;

/** Whatever was stored, as a whole number of seconds in range; the default when nothing usable is. */
export function parseHeartDelay(stored: string | null): number {
  if (stored === null || !/^\d{1,4}$/.test(stored.trim())) return DEFAULT_HEART_DELAY_SECONDS;
  return Math.min(Number(stored.trim()), MAX_HEART_DELAY_SECONDS);
}

export interface DelayStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/** The listener's delay setting (0 = never ask). Storage that fails (private mode, blocked) reads as the default. */
export function readHeartDelay(storage: DelayStorage | null): number {
  try {
    return parseHeartDelay(storage?.getItem(HEART_DELAY_KEY) ?? null);
  } catch {
    return DEFAULT_HEART_DELAY_SECONDS;
  }
}

export function writeHeartDelay(storage: DelayStorage | null, seconds: number): boolean {
  try {
    storage?.setItem(HEART_DELAY_KEY, String(Math.max(0, Math.min(Math.round(seconds), MAX_HEART_DELAY_SECONDS))));
    return storage !== null;
  } catch {
    return false;
  }
}

/**
 * Whether a heart pressed at `now` (ms since the epoch) on the card showing `item` should ask
 * "this one or the one before?": only to bookmark (not to remove), within `delaySeconds` of the
 * card's change (the item's time), and never with the setting at 0.
 */
export function shouldAskWhich(item: HistoryItem, now: number, delaySeconds: number): boolean {
  if (delaySeconds <= 0 || item.bookmark_id > 0) return false;
  const changedAt = Date.parse(item.created_at);
  if (Number.isNaN(changedAt)) return false;
  const elapsed = now - changedAt;
  // A card whose time is a little ahead of this device's clock changed just now too.
  return elapsed < delaySeconds * 1000;
}
