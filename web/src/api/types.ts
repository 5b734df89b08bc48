// The resources of the HTTP API (see shared/api-contract.md), as the app uses them.

export interface Channel {
  id: number;
  name: string;
  url: string;
  /** How the station's now-playing source speaks (ours; absent from the original's answers). */
  format?: ChannelFormat;
  /** Where the title is in a json source's answer (ours, json only). */
  title_pointer?: string | null;
  /** Kept but not polled (ours; set by an admin). */
  paused?: boolean;
  /** Where the crawler's polling stands (ours; absent from the original's answers). */
  status?: ChannelStatus;
}

export const CHANNEL_FORMATS = ['auto', 'voscast', 'icecast', 'shoutcast2', 'shoutcast1', 'icy', 'json'] as const;
export type ChannelFormat = (typeof CHANNEL_FORMATS)[number];

/** ok: the last poll read the station; failing: it could not (see error); paused: not polled; pending: not polled yet. */
export type ChannelState = 'ok' | 'failing' | 'paused' | 'pending';

export interface ChannelStatus {
  state: ChannelState;
  /** When this state began; null while pending. */
  since: string | null;
  last_poll_at: string | null;
  last_change_at: string | null;
  /** A short reason ("connection refused", "HTTP 503"...), null unless failing. */
  error: string | null;
}

/** A time the crawler could not read a channel, in a `gaps=true` history page (ours). */
export interface HistoryGap {
  type: 'gap';
  channel_id: number;
  started_at: string;
  /** null while it lasts. */
  ended_at: string | null;
  reason: string;
}

/** What an admin sends to add a channel; PATCH takes any of it and `paused`. */
export interface ChannelDraft {
  name: string;
  url: string;
  format?: ChannelFormat;
  title_pointer?: string | null;
}

export interface ChannelChange extends Partial<ChannelDraft> {
  paused?: boolean;
}

/** What POST /channels/probe read from a station once. */
export interface ProbeResult {
  format: ChannelFormat;
  title: string;
}

export interface HistoryItem {
  id: number;
  created_at: string;
  song_id: number;
  song_title: string;
  channel_id: number;
  /** 0 when the song is not bookmarked or nobody is signed in. */
  bookmark_id: number;
}

export interface User {
  id: number;
  sub: string;
  picture: string;
  given_name: string;
  family_name: string;
  /** Ours: may manage channels (API_ADMINS); absent from the original's answers. */
  is_admin?: boolean;
}

export interface Bookmark {
  id: number;
  created_at: string;
  song_id: number;
  song_title: string;
  user_id: number;
}

/** A keyset page request: items with id < before, newest first. */
export interface PageRequest {
  limit?: number;
  before?: number;
}

export interface HistoryPageRequest extends PageRequest {
  /** Absent or null = every channel. */
  channelId?: number | null;
  /** Words the song title contains (the last one a prefix), case- and diacritics-insensitive. */
  q?: string | null;
  /** Only the airings of this song. */
  songId?: number | null;
  /** Only the airings of this artist's songs, under every spelling. */
  artistId?: number | null;
  /** RFC 3339: airings at or after `from`, and before `to`. */
  from?: string | null;
  to?: string | null;
}

/** An offset page request, for lists ranked by something other than time. */
export interface OffsetPageRequest {
  limit?: number;
  offset?: number;
}

export interface SearchRequest extends OffsetPageRequest {
  q?: string | null;
}

export interface SongSummary {
  id: number;
  title: string;
  /** The part before " - ", '' when the title has no such shape. */
  artist: string;
  track: string;
  /** null when the title has no "Artist - Track" shape. */
  artist_id: number | null;
  plays: number;
  first_played_at: string | null;
  last_played_at: string | null;
}

export interface SongChannelPlays {
  channel_id: number;
  plays: number;
  last_played_at: string | null;
}

export interface SongDetail extends SongSummary {
  channels: SongChannelPlays[];
}

export interface SongStats {
  tz: string;
  days?: number;
  /** 7 rows (0 = Monday) of 24 play counts, hours in `tz`. */
  by_weekday_hour: number[][];
  /** The days with plays, dates in `tz`. */
  by_day: { date: string; plays: number }[];
}

export interface ArtistSummary {
  id: number;
  name: string;
  songs: number;
  plays: number;
  last_played_at: string | null;
}

export interface ArtistSong {
  id: number;
  title: string;
  track: string;
  plays: number;
  last_played_at: string | null;
}

export interface ArtistDetail {
  id: number;
  name: string;
  plays: number;
  last_played_at?: string | null;
  songs: ArtistSong[];
}

export type ChartKind = 'song' | 'artist';

export interface ChartRequest {
  by: ChartKind;
  channelId?: number | null;
  from?: string | null;
  to?: string | null;
  limit?: number;
}

export interface ChartEntry {
  rank: number;
  plays: number;
  /** The rank in the window of the same length just before; null = not charted then. */
  previous_rank: number | null;
  song?: { id: number; title: string };
  artist?: { id: number; name: string };
}

/** 422 messages by location (query, path, body, header) and field. */
export type ValidationDetail = Record<string, Record<string, string[]>>;

/** What a watch follows: one song, an artist's name (matched like /artists), or words of a title (matched like q). */
export type WatchKind = 'song' | 'artist' | 'text';

/** "Tell me when it plays again" (ours): a signed-in user's watch. */
export interface Watch {
  id: number;
  kind: WatchKind;
  /** The song's title for kind song; what the user typed (trimmed) otherwise. */
  value: string;
  song_id: number | null;
  /** null = on any channel. */
  channel_id: number | null;
  created_at: string;
  /** The user's private Atom feed of matches (the same for all their watches). */
  feed_url: string;
}

/** What POST /user/watches takes: a song by id, or an artist or words by value; optionally one channel. */
export type WatchDraft =
  { kind: 'song'; song_id: number; channel_id?: number | null } | { kind: 'artist' | 'text'; value: string; channel_id?: number | null };

/** `event: watch` on /history/events (signed-in streams only): an airing that matched one of the user's watches. */
export interface WatchMatchEvent {
  watch_id: number;
  kind: WatchKind;
  value: string;
  item: HistoryItem;
}

/** The browser's PushSubscription as JSON (PushSubscription.toJSON()). */
export interface PushSubscriptionJson {
  endpoint: string;
  expirationTime?: number | null;
  keys: { p256dh: string; auth: string };
}
