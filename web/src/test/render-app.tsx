import { render } from '@testing-library/preact';
import type { Bookmark, Channel, HistoryItem, User, Watch } from '../api/types';
import { App } from '../app';
import { createFakeBackend, NETWORK_DOWN, type FakeResponse, type Handler, type RecordedRequest } from './fake-backend';
import { CHANNELS } from './fixtures';

export interface BackendSetup {
  /** null = signed out (401); 'unavailable' = 503; 'down' = network error. */
  user?: User | null | 'unavailable' | 'down';
  channels?: Channel[] | 'down';
  /** Answers GET /history; gets the parsed query. Default: nothing recorded. */
  history?: (query: HistoryQuery) => HistoryItem[] | FakeResponse | typeof NETWORK_DOWN;
  bookmarks?: (query: { before: number | null }) => Bookmark[] | FakeResponse | typeof NETWORK_DOWN;
  /** Answers GET /user/watches; default: none. */
  watches?: () => Watch[] | FakeResponse | typeof NETWORK_DOWN;
  /** Answers the writes (bookmarks, the channel admin's calls); default: 200 with a made-up bookmark / {}. */
  mutate?: Handler;
  /** Answers the catalog's routes (/songs, /artists, /charts...); undefined = 404. */
  catalog?: (request: RecordedRequest) => FakeResponse | typeof NETWORK_DOWN | undefined;
}

/** GET /history's parameters as the fake backend reads them. */
export interface HistoryQuery {
  channelId: number | null;
  limit: number;
  before: number | null;
  q: string | null;
  songId: number | null;
  artistId: number | null;
  from: string | null;
  to: string | null;
}

function numberParam(request: RecordedRequest, name: string): number | null {
  const value = request.url.searchParams.get(name);
  return value === null ? null : Number(value);
}

function answer<T>(value: T[] | FakeResponse | typeof NETWORK_DOWN): FakeResponse | typeof NETWORK_DOWN {
  return Array.isArray(value) ? { body: value } : value;
}

/** A fake API shaped like the real one, answering from `setup`. */
export function standardBackend(setup: BackendSetup = {}) {
  let nextBookmarkId = 900;
  return createFakeBackend((request) => {
    const path = request.url.pathname;
    if (path === '/user') {
      const user = setup.user ?? null;
      if (user === 'down') return NETWORK_DOWN;
      if (user === 'unavailable') return { status: 503, body: { detail: 'Sign-in is not available' } };
      return user === null ? { status: 401, body: { detail: 'Not signed in' } } : { body: user };
    }
    if (path === '/channels' && request.method === 'GET') {
      const channels = setup.channels ?? CHANNELS;
      return channels === 'down' ? NETWORK_DOWN : { body: channels };
    }
    if (path === '/history') {
      const query = {
        channelId: numberParam(request, 'channel_id'),
        limit: numberParam(request, 'limit') ?? 50,
        before: numberParam(request, 'before'),
        q: request.url.searchParams.get('q'),
        songId: numberParam(request, 'song_id'),
        artistId: numberParam(request, 'artist_id'),
        from: request.url.searchParams.get('from'),
        to: request.url.searchParams.get('to'),
      };
      return answer(setup.history ? setup.history(query) : []);
    }
    if (path === '/user/bookmarks' && request.method === 'GET') {
      return answer(setup.bookmarks ? setup.bookmarks({ before: numberParam(request, 'before') }) : []);
    }
    if (path === '/user/watches' && request.method === 'GET') return answer(setup.watches ? setup.watches() : []);
    const catalogAnswer = request.method === 'GET' ? setup.catalog?.(request) : undefined;
    if (catalogAnswer !== undefined) return catalogAnswer;
    if (setup.mutate) return setup.mutate(request);
    if (path === '/user/bookmarks' && request.method === 'POST') {
      const songId = (request.body as { song_id: number }).song_id;
      return { body: { id: nextBookmarkId++, created_at: '2026-11-27T20:00:00+00:00', song_id: songId, song_title: 't', user_id: 7 } };
    }
    if (path.startsWith('/user/bookmarks/') && request.method === 'DELETE') return { body: {} };
    return { status: 404, body: { detail: 'Not Found' } };
  });
}

/** Renders the whole app at `path` against `backend`. */
export function renderApp(backend: ReturnType<typeof createFakeBackend>, path = '/') {
  window.history.replaceState(null, '', path);
  return render(<App api={backend.api} />);
}

/** What a history handler answers for a store holding `items` (ids descending), like the server's keyset paging. */
export function pageOf(items: readonly HistoryItem[]) {
  return (query: Pick<HistoryQuery, 'channelId' | 'limit' | 'before'>) =>
    items
      .filter((item) => query.channelId === null || item.channel_id === query.channelId)
      .filter((item) => query.before === null || item.id < query.before)
      .slice(0, query.limit);
}
