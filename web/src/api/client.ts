import { CSRF_COOKIE, CSRF_HEADER, readCookie } from './cookies';
import { ApiError, HttpError, NetworkError, NotFoundError, ServiceUnavailableError, UnauthorizedError, ValidationError } from './errors';
import type {
  ArtistDetail,
  ArtistSummary,
  Bookmark,
  Channel,
  ChannelChange,
  ChannelDraft,
  ChartEntry,
  ChartRequest,
  HistoryGap,
  HistoryItem,
  HistoryPageRequest,
  PageRequest,
  ProbeResult,
  PushSubscriptionJson,
  SearchRequest,
  SongDetail,
  SongStats,
  SongSummary,
  User,
  ValidationDetail,
  Watch,
  WatchDraft,
} from './types';

// Every call the app makes to the HTTP API, and the one place where HTTP
// answers become values or typed errors (see errors.ts).

export const PAGE_SIZE = 50;

/** The subset of EventSource the app uses, so tests can hand in a fake. */
export interface EventSourceLike {
  readonly readyState: number;
  addEventListener(type: string, listener: (event: MessageEvent<string>) => void): void;
  addEventListener(type: 'open' | 'error', listener: (event: Event) => void): void;
  close(): void;
}

export interface ApiClient {
  getChannels(signal?: AbortSignal): Promise<Channel[]>;
  getHistory(request: HistoryPageRequest, signal?: AbortSignal): Promise<HistoryItem[]>;
  /** A history page with the channels' outages (gaps=true); an original server's page has items only. */
  getHistoryWithGaps(request: HistoryPageRequest, signal?: AbortSignal): Promise<HistoryEntries>;
  getSongs(request: SearchRequest, signal?: AbortSignal): Promise<SongSummary[]>;
  getSong(songId: number, signal?: AbortSignal): Promise<SongDetail>;
  /** Plays by weekday and hour, and by day, over the last `days` days in time zone `tz` (IANA). */
  getSongStats(songId: number, options: { tz: string; days: number }, signal?: AbortSignal): Promise<SongStats>;
  getArtists(request: SearchRequest, signal?: AbortSignal): Promise<ArtistSummary[]>;
  getArtist(artistId: number, signal?: AbortSignal): Promise<ArtistDetail>;
  /** The same as getSongStats, over every song of the artist. */
  getArtistStats(artistId: number, options: { tz: string; days: number }, signal?: AbortSignal): Promise<SongStats>;
  getCharts(request: ChartRequest, signal?: AbortSignal): Promise<ChartEntry[]>;
  /** The signed-in user, or null when nobody is (401). */
  getCurrentUser(signal?: AbortSignal): Promise<User | null>;
  getBookmarks(request: PageRequest, signal?: AbortSignal): Promise<Bookmark[]>;
  addBookmark(songId: number): Promise<Bookmark>;
  removeBookmark(bookmarkId: number): Promise<void>;
  /** Admin only (403 otherwise): adds a channel. */
  addChannel(draft: ChannelDraft): Promise<Channel>;
  updateChannel(channelId: number, change: ChannelChange): Promise<Channel>;
  /** 409 while the channel has history, unless `purge` deletes that history too. */
  deleteChannel(channelId: number, options?: { purge?: boolean }): Promise<void>;
  /** Reads a station once: the format it speaks and what it plays now (422 with the reason when it cannot). */
  probeChannel(probe: { url: string; format?: ChannelDraft['format']; title_pointer?: string }): Promise<ProbeResult>;
  /** The signed-in user's watches, newest first. */
  getWatches(signal?: AbortSignal): Promise<Watch[]>;
  /** Creates a watch (201), or answers the same one already there (200); 422 past 100 watches. */
  addWatch(draft: WatchDraft): Promise<Watch>;
  removeWatch(watchId: number): Promise<void>;
  /** Issues a new private feed address; the old one stops answering. */
  renewWatchFeed(): Promise<{ feed_url: string }>;
  /** The server's VAPID public key (base64url), for PushManager.subscribe. */
  getPushPublicKey(signal?: AbortSignal): Promise<string>;
  addPushSubscription(subscription: PushSubscriptionJson): Promise<void>;
  removePushSubscription(endpoint: string): Promise<void>;
  /** Opens the live history stream; `lastEventId` asks for the items after it. */
  openHistoryEvents(lastEventId?: number | null): EventSourceLike;
  signInUrl(): string;
  signOutUrl(): string;
}

export interface ApiClientOptions {
  /** Origin (and optional path prefix) of the API; '' = the page's own origin. */
  baseUrl: string;
  fetch?: typeof fetch;
  /** Where cookies are read from (document.cookie in the browser). */
  readCookies?: () => string;
  /** The page's own URL, to tell whether the API is cross-origin. */
  pageUrl?: () => string;
  createEventSource?: (url: string, init: EventSourceInit) => EventSourceLike;
}

/** A history page split: its items, and the gaps (outages) the server interleaved. */
export interface HistoryEntries {
  items: HistoryItem[];
  gaps: HistoryGap[];
}

/** Splits a page: entries typed "gap" are gaps, the rest (typed "item", or untyped from an original server) items. */
export function splitHistoryPage(entries: readonly (HistoryItem | HistoryGap)[]): HistoryEntries {
  const items: HistoryItem[] = [];
  const gaps: HistoryGap[] = [];
  for (const entry of entries) {
    if ('type' in entry && entry.type === 'gap') gaps.push(entry);
    else items.push(entry as HistoryItem);
  }
  return { items, gaps };
}

type QueryValue = string | number | null | undefined;

export function buildUrl(baseUrl: string, path: string, query: Record<string, QueryValue> = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === null || value === undefined || value === '') continue;
    params.set(key, String(value));
  }
  const search = params.toString();
  return `${baseUrl.replace(/\/+$/, '')}${path}${search ? `?${search}` : ''}`;
}

export function isCrossOrigin(baseUrl: string, pageUrl: string): boolean {
  if (baseUrl === '') return false;
  try {
    return new URL(baseUrl, pageUrl).origin !== new URL(pageUrl).origin;
  } catch {
    return true;
  }
}

function pageQuery(request: PageRequest): Record<string, QueryValue> {
  return { limit: request.limit ?? PAGE_SIZE, before: request.before };
}

function searchQuery(request: SearchRequest): Record<string, QueryValue> {
  return { q: request.q, limit: request.limit, offset: request.offset || undefined };
}

/** `/<collection>/<id>`, the id encoded as any path segment. */
function itemPath(collection: string, id: number, rest = ''): string {
  return `/${collection}/${encodeURIComponent(String(id))}${rest}`;
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text === '') return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

/** True for the rejection of a call whose AbortSignal fired: not a failure to report. */
export function isAbort(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'AbortError';
}

function isValidationDetail(detail: unknown): detail is ValidationDetail {
  return typeof detail === 'object' && detail !== null && !Array.isArray(detail);
}

/** Maps a non-2xx answer's status and `{"detail": ...}` body to a typed error. */
export function errorFromResponse(status: number, body: unknown): ApiError {
  const detail = typeof body === 'object' && body !== null ? (body as { detail?: unknown }).detail : undefined;
  const message = typeof detail === 'string' && detail !== '' ? detail : undefined;
  switch (status) {
    case 401:
      return new UnauthorizedError(message);
    case 404:
      return new NotFoundError(message);
    case 422:
      return isValidationDetail(detail) ? new ValidationError(detail) : new HttpError(message ?? 'Invalid request.', 422);
    case 503:
      return new ServiceUnavailableError(message);
    default:
      return new HttpError(message ?? `The server answered with status ${status}.`, status);
  }
}

export function createApiClient(options: ApiClientOptions): ApiClient {
  const baseUrl = options.baseUrl;
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));
  const readCookies = options.readCookies ?? (() => document.cookie);
  const pageUrl = options.pageUrl ?? (() => window.location.href);
  const createEventSource = options.createEventSource ?? ((url, init) => new EventSource(url, init));

  async function request<T>(
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
    path: string,
    init: {
      query?: Record<string, QueryValue>;
      body?: unknown;
      signal?: AbortSignal | undefined;
    } = {},
  ): Promise<T> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (init.body !== undefined) headers['Content-Type'] = 'application/json';
    if (method !== 'GET') {
      const token = readCookie(readCookies(), CSRF_COOKIE);
      if (token !== null) headers[CSRF_HEADER] = token;
    }

    let response: Response;
    try {
      response = await doFetch(buildUrl(baseUrl, path, init.query), {
        method,
        headers,
        credentials: 'include',
        body: init.body === undefined ? null : JSON.stringify(init.body),
        signal: init.signal ?? null,
      });
    } catch (error) {
      if (isAbort(error)) throw error;
      throw new NetworkError();
    }

    let body: unknown;
    try {
      body = await readJson(response);
    } catch (error) {
      if (isAbort(error)) throw error;
      throw new NetworkError();
    }
    if (!response.ok) throw errorFromResponse(response.status, body);
    return body as T;
  }

  const historyQuery = (page: HistoryPageRequest): Record<string, QueryValue> => ({
    channel_id: page.channelId || undefined,
    q: page.q,
    song_id: page.songId || undefined,
    artist_id: page.artistId || undefined,
    from: page.from,
    to: page.to,
    ...pageQuery(page),
  });

  return {
    getChannels: (signal) => request<Channel[]>('GET', '/channels', { signal }),

    getHistory: (page, signal) => request<HistoryItem[]>('GET', '/history', { query: historyQuery(page), signal }),

    getHistoryWithGaps: async (page, signal) =>
      splitHistoryPage(
        await request<(HistoryItem | HistoryGap)[]>('GET', '/history', { query: { ...historyQuery(page), gaps: 'true' }, signal }),
      ),

    getSongs: (search, signal) => request<SongSummary[]>('GET', '/songs', { query: searchQuery(search), signal }),

    getSong: (songId, signal) => request<SongDetail>('GET', itemPath('songs', songId), { signal }),

    getSongStats: (songId, options, signal) =>
      request<SongStats>('GET', itemPath('songs', songId, '/stats'), { query: { tz: options.tz, days: options.days }, signal }),

    getArtists: (search, signal) => request<ArtistSummary[]>('GET', '/artists', { query: searchQuery(search), signal }),

    getArtist: (artistId, signal) => request<ArtistDetail>('GET', itemPath('artists', artistId), { signal }),

    getArtistStats: (artistId, options, signal) =>
      request<SongStats>('GET', itemPath('artists', artistId, '/stats'), { query: { tz: options.tz, days: options.days }, signal }),

    getCharts: (chart, signal) =>
      request<ChartEntry[]>('GET', '/charts', {
        query: { by: chart.by, channel_id: chart.channelId || undefined, from: chart.from, to: chart.to, limit: chart.limit },
        signal,
      }),

    async getCurrentUser(signal) {
      try {
        return await request<User>('GET', '/user', { signal });
      } catch (error) {
        if (error instanceof UnauthorizedError) return null;
        throw error;
      }
    },

    getBookmarks: (page, signal) => request<Bookmark[]>('GET', '/user/bookmarks', { query: pageQuery(page), signal }),

    addBookmark: (songId) => request<Bookmark>('POST', '/user/bookmarks', { body: { song_id: songId } }),

    async removeBookmark(bookmarkId) {
      await request<unknown>('DELETE', `/user/bookmarks/${encodeURIComponent(String(bookmarkId))}`);
    },

    addChannel: (draft) => request<Channel>('POST', '/channels', { body: draft }),

    updateChannel: (channelId, change) => request<Channel>('PATCH', itemPath('channels', channelId), { body: change }),

    async deleteChannel(channelId, options = {}) {
      await request<unknown>('DELETE', itemPath('channels', channelId), { query: { purge: options.purge ? 'true' : undefined } });
    },

    probeChannel: (probe) => request<ProbeResult>('POST', '/channels/probe', { body: probe }),

    getWatches: (signal) => request<Watch[]>('GET', '/user/watches', { signal }),

    addWatch: (draft) => request<Watch>('POST', '/user/watches', { body: draft }),

    async removeWatch(watchId) {
      await request<unknown>('DELETE', itemPath('user/watches', watchId));
    },

    renewWatchFeed: () => request<{ feed_url: string }>('POST', '/user/watches/feed-token'),

    getPushPublicKey: async (signal) => (await request<{ public_key: string }>('GET', '/push/vapid-public-key', { signal })).public_key,

    async addPushSubscription(subscription) {
      await request<unknown>('POST', '/user/push-subscriptions', { body: subscription });
    },

    async removePushSubscription(endpoint) {
      await request<unknown>('DELETE', '/user/push-subscriptions', { body: { endpoint } });
    },

    openHistoryEvents(lastEventId) {
      const url = buildUrl(baseUrl, '/history/events', { last_event_id: lastEventId ?? undefined });
      return createEventSource(url, { withCredentials: isCrossOrigin(baseUrl, pageUrl()) });
    },

    signInUrl: () => buildUrl(baseUrl, '/user/google'),
    signOutUrl: () => buildUrl(baseUrl, '/user/sign_out'),
  };
}

/** The API the app talks to: VITE_API_URL at build time, else the page's own origin. */
export function apiBaseUrl(): string {
  return import.meta.env.VITE_API_URL ?? '';
}
