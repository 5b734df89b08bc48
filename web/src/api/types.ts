// The resources of the HTTP API (see shared/api-contract.md), as the app uses them.

export interface Channel {
  id: number;
  name: string;
  url: string;
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
}

/** 422 messages by location (query, path, body, header) and field. */
export type ValidationDetail = Record<string, Record<string, string[]>>;
