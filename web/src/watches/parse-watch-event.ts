import type { WatchKind, WatchMatchEvent } from '../api/types';
import { parseHistoryItem } from '../history/parse-history-item';

const KINDS: readonly WatchKind[] = ['song', 'artist', 'text'];

/** An `event: watch`'s JSON data; null for anything malformed (ignored, never a crash). */
export function parseWatchEvent(data: string): WatchMatchEvent | null {
  let value: unknown;
  try {
    value = JSON.parse(data);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const event = value as Record<string, unknown>;
  if (typeof event.watch_id !== 'number' || !Number.isInteger(event.watch_id) || event.watch_id <= 0) return null;
  if (!KINDS.includes(event.kind as WatchKind) || typeof event.value !== 'string') return null;
  const item = parseHistoryItem(JSON.stringify(event.item ?? null));
  if (item === null) return null;
  return { watch_id: event.watch_id, kind: event.kind as WatchKind, value: event.value, item };
}
