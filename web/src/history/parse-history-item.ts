import type { HistoryItem } from '../api/types';

export function isPositiveInteger(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value > 0;
}

/** A history item from a live event's JSON data; null for anything malformed (ignored, never a crash). */
export function parseHistoryItem(data: string): HistoryItem | null {
  let value: unknown;
  try {
    value = JSON.parse(data);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const item = value as Record<string, unknown>;
  if (!isPositiveInteger(item.id) || !isPositiveInteger(item.song_id) || !isPositiveInteger(item.channel_id)) return null;
  if (typeof item.song_title !== 'string' || typeof item.created_at !== 'string') return null;
  const bookmarkId = isPositiveInteger(item.bookmark_id) ? item.bookmark_id : 0;
  return {
    id: item.id,
    created_at: item.created_at,
    song_id: item.song_id,
    song_title: item.song_title,
    channel_id: item.channel_id,
    bookmark_id: bookmarkId,
  };
}
