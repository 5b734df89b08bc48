import type { ArtistDetail, Bookmark, Channel, ChannelStatus, HistoryItem, SongDetail, SongStats, SongSummary, User } from '../api/types';

export const CHANNELS: Channel[] = [
  { id: 1, name: 'red', url: 'http://127.0.0.1:1/red' },
  { id: 2, name: 'green', url: 'http://127.0.0.1:1/green' },
  { id: 3, name: 'blue', url: 'http://127.0.0.1:1/blue' },
];

/** A channel's polling status: ok and never polled unless told. */
export function channelStatus(overrides: Partial<ChannelStatus> = {}): ChannelStatus {
  return { state: 'ok', since: null, last_poll_at: null, last_change_at: null, error: null, ...overrides };
}

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

export function songSummary(id: number, overrides: Partial<SongSummary> = {}): SongSummary {
  return {
    id,
    title: `Artist ${id} - Track ${id}`,
    artist: `Artist ${id}`,
    track: `Track ${id}`,
    artist_id: 500 + id,
    plays: 3,
    first_played_at: '2026-11-01T10:00:00+00:00',
    last_played_at: '2026-11-27T19:57:07.590829+00:00',
    ...overrides,
  };
}

export function songDetail(id: number, overrides: Partial<SongDetail> = {}): SongDetail {
  return { ...songSummary(id), channels: [{ channel_id: 1, plays: 3, last_played_at: '2026-11-27T19:57:07+00:00' }], ...overrides };
}

/** Stats with `plays` at the given (weekday, hour) cells and days. */
export function songStats(cells: [number, number, number][], days: { date: string; plays: number }[], tz = 'UTC'): SongStats {
  const grid = Array.from({ length: 7 }, () => Array.from({ length: 24 }, () => 0));
  for (const [weekday, hour, plays] of cells) grid[weekday]![hour] = plays;
  return { tz, days: 90, by_weekday_hour: grid, by_day: days };
}

export function artistDetail(id: number, overrides: Partial<ArtistDetail> = {}): ArtistDetail {
  return {
    id,
    name: `Artist ${id}`,
    plays: 5,
    last_played_at: '2026-11-27T19:57:07+00:00',
    songs: [
      { id: 11, title: `Artist ${id} - First`, track: 'First', plays: 4, last_played_at: '2026-11-27T19:57:07+00:00' },
      { id: 12, title: `Artist ${id} - Second`, track: 'Second', plays: 1, last_played_at: '2026-11-20T08:00:00+00:00' },
    ],
    ...overrides,
  };
}
