import type { Bookmark, Channel, HistoryItem, User } from '../api/types';

export const CHANNELS: Channel[] = [
  { id: 1, name: 'red', url: 'http://127.0.0.1:1/red' },
  { id: 2, name: 'green', url: 'http://127.0.0.1:1/green' },
  { id: 3, name: 'blue', url: 'http://127.0.0.1:1/blue' },
];

export const USER: User = {
  id: 7,
  sub: 'google-7',
  picture: 'https://127.0.0.1:1/avatar.png',
  given_name: 'Ada',
  family_name: 'Lovelace',
};

export function historyItem(id: number, overrides: Partial<HistoryItem> = {}): HistoryItem {
  return {
    id,
    created_at: '2026-11-27T19:57:07.590829+00:00',
    song_id: 1000 + id,
    song_title: `Artist ${id} - Track ${id}`,
    channel_id: 1,
    bookmark_id: 0,
    ...overrides,
  };
}

/** Items `from` down to `to` (ids descending), as the API pages them. */
export function historyItems(from: number, to: number, overrides: Partial<HistoryItem> = {}): HistoryItem[] {
  const items: HistoryItem[] = [];
  for (let id = from; id >= to; id -= 1) items.push(historyItem(id, overrides));
  return items;
}

export function bookmark(id: number, overrides: Partial<Bookmark> = {}): Bookmark {
  return {
    id,
    created_at: '2026-11-27T20:00:00+00:00',
    song_id: 2000 + id,
    song_title: `Saved ${id}`,
    user_id: USER.id,
    ...overrides,
  };
}
