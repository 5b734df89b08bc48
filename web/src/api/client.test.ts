import { describe, expect, it, vi } from 'vitest';
import { buildUrl, createApiClient, errorFromResponse, isCrossOrigin, PAGE_SIZE } from './client';
import { HttpError, NetworkError, NotFoundError, ServiceUnavailableError, UnauthorizedError, ValidationError } from './errors';
import { FakeEventSource } from '../test/fake-event-source';

function jsonResponse(body: unknown, status = 200): Response {
  return new Response(body === undefined ? '' : JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });
}

function clientWith(response: Response | (() => Promise<Response>), options: { baseUrl?: string; cookies?: string } = {}) {
  const fetch = vi.fn<typeof globalThis.fetch>(() => (typeof response === 'function' ? response() : Promise.resolve(response)));
  const api = createApiClient({
    baseUrl: options.baseUrl ?? '',
    fetch,
    readCookies: () => options.cookies ?? '',
    pageUrl: () => 'http://127.0.0.1:8080/',
    createEventSource: (url, init) => new FakeEventSource(url, init),
  });
  const call = (index = 0) => {
    const [url, init] = fetch.mock.calls[index] ?? [];
    return { url: url as string, init: init ?? {}, headers: (init?.headers ?? {}) as Record<string, string> };
  };
  return { api, fetch, call };
}

describe('buildUrl', () => {
  it('joins base and path and drops empty query values', () => {
    expect(buildUrl('', '/history', { channel_id: undefined, limit: 50, before: null })).toBe('/history?limit=50');
    expect(buildUrl('http://127.0.0.1:9000/', '/channels')).toBe('http://127.0.0.1:9000/channels');
    expect(buildUrl('http://127.0.0.1:9000/api//', '/user', { a: '' })).toBe('http://127.0.0.1:9000/api/user');
  });

  it('encodes query values', () => {
    expect(buildUrl('', '/x', { q: 'a b&c' })).toBe('/x?q=a+b%26c');
  });
});

describe('isCrossOrigin', () => {
  it('is false for the same origin or an empty base', () => {
    expect(isCrossOrigin('', 'http://127.0.0.1:8080/')).toBe(false);
    expect(isCrossOrigin('http://127.0.0.1:8080', 'http://127.0.0.1:8080/bookmarks')).toBe(false);
    expect(isCrossOrigin('/api', 'http://127.0.0.1:8080/')).toBe(false);
  });

  it('is true for another host or port', () => {
    expect(isCrossOrigin('http://127.0.0.1:9000', 'http://127.0.0.1:8080/')).toBe(true);
    expect(isCrossOrigin('http://localhost:8080', 'http://127.0.0.1:8080/')).toBe(true);
  });
});

describe('API client requests', () => {
  it('GETs channels with credentials and no CSRF header', async () => {
    const { api, call } = clientWith(jsonResponse([{ id: 1, name: 'red', url: 'u' }]), { cookies: 'nicecream_history_csrf=t' });
    await expect(api.getChannels()).resolves.toEqual([{ id: 1, name: 'red', url: 'u' }]);
    expect(call().url).toBe('/channels');
    expect(call().init.method).toBe('GET');
    expect(call().init.credentials).toBe('include');
    expect(call().headers['X-Csrf-Token']).toBeUndefined();
  });

  it('builds history URLs: default page size, channel filter, keyset cursor', async () => {
    const { api, call } = clientWith(() => Promise.resolve(jsonResponse([])), { baseUrl: 'http://127.0.0.1:9000' });
    await api.getHistory({});
    await api.getHistory({ channelId: 2, limit: 1 });
    await api.getHistory({ channelId: null, before: 120 });
    await api.getHistory({ channelId: 0 });
    expect(call(0).url).toBe(`http://127.0.0.1:9000/history?limit=${PAGE_SIZE}`);
    expect(call(1).url).toBe('http://127.0.0.1:9000/history?channel_id=2&limit=1');
    expect(call(2).url).toBe(`http://127.0.0.1:9000/history?limit=${PAGE_SIZE}&before=120`);
    expect(call(3).url).toBe(`http://127.0.0.1:9000/history?limit=${PAGE_SIZE}`);
  });

  it('builds search, song, artist and chart URLs', async () => {
    const { api, call } = clientWith(() => Promise.resolve(jsonResponse([])));
    await api.getHistory({ q: 'sigur rós', songId: 4, from: '2026-12-04T17:05:00+01:00', to: '2026-12-04T18:00:00Z', limit: 3 });
    await api.getSongs({ q: 'a&b', limit: 20 });
    await api.getSong(7);
    await api.getSongStats(7, { tz: 'Europe/Berlin', days: 90 });
    await api.getArtists({ q: 'x', offset: 20 });
    await api.getArtist(3);
    await api.getCharts({ by: 'artist', channelId: 2, from: 'f', to: 't', limit: 20 });
    await api.getArtistStats(3, { tz: 'America/Argentina/Buenos_Aires', days: 365 });
    await api.getHistory({ artistId: 3, channelId: 2, before: 120 });
    await api.getHistory({ artistId: 0, songId: null });
    expect(call(0).url).toBe(
      '/history?q=sigur+r%C3%B3s&song_id=4&from=2026-12-04T17%3A05%3A00%2B01%3A00&to=2026-12-04T18%3A00%3A00Z&limit=3',
    );
    expect(call(1).url).toBe('/songs?q=a%26b&limit=20');
    expect(call(2).url).toBe('/songs/7');
    expect(call(3).url).toBe('/songs/7/stats?tz=Europe%2FBerlin&days=90');
    expect(call(4).url).toBe('/artists?q=x&offset=20');
    expect(call(5).url).toBe('/artists/3');
    expect(call(6).url).toBe('/charts?by=artist&channel_id=2&from=f&to=t&limit=20');
    expect(call(7).url).toBe('/artists/3/stats?tz=America%2FArgentina%2FBuenos_Aires&days=365');
    expect(call(8).url).toBe(`/history?channel_id=2&artist_id=3&limit=${PAGE_SIZE}&before=120`);
    expect(call(9).url).toBe(`/history?limit=${PAGE_SIZE}`);
  });

  it('builds bookmark page URLs', async () => {
    const { api, call } = clientWith(() => Promise.resolve(jsonResponse([])));
    await api.getBookmarks({ before: 9 });
    expect(call().url).toBe(`/user/bookmarks?limit=${PAGE_SIZE}&before=9`);
  });

  it('POSTs a bookmark as JSON with the CSRF token from the cookie', async () => {
    const saved = { id: 5, created_at: 'x', song_id: 3, song_title: 't', user_id: 1 };
    const { api, call } = clientWith(jsonResponse(saved), { cookies: 'a=b; nicecream_history_csrf=tok%2F1' });
    await expect(api.addBookmark(3)).resolves.toEqual(saved);
    expect(call().url).toBe('/user/bookmarks');
    expect(call().init.method).toBe('POST');
    expect(call().init.credentials).toBe('include');
    expect(call().headers['Content-Type']).toBe('application/json');
    expect(call().headers['X-Csrf-Token']).toBe('tok/1');
    expect(JSON.parse(call().init.body as string)).toEqual({ song_id: 3 });
  });

  it('DELETEs a bookmark with the CSRF token', async () => {
    const { api, call } = clientWith(jsonResponse({}), { cookies: 'nicecream_history_csrf=tok' });
    await expect(api.removeBookmark(42)).resolves.toBeUndefined();
    expect(call().url).toBe('/user/bookmarks/42');
    expect(call().init.method).toBe('DELETE');
    expect(call().headers['X-Csrf-Token']).toBe('tok');
    expect(call().init.body).toBeNull();
  });

  it('sends no CSRF header when there is no CSRF cookie (the server then refuses)', async () => {
    const { api, call } = clientWith(jsonResponse({}));
    await api.removeBookmark(1);
    expect(call().headers['X-Csrf-Token']).toBeUndefined();
  });

  it('reads the CSRF cookie at call time, not once', async () => {
    let cookies = 'nicecream_history_csrf=old';
    const fetch = vi.fn<typeof globalThis.fetch>(() => Promise.resolve(jsonResponse({})));
    const api = createApiClient({ baseUrl: '', fetch, readCookies: () => cookies });
    await api.removeBookmark(1);
    cookies = 'nicecream_history_csrf=new';
    await api.removeBookmark(1);
    const token = (index: number) => (fetch.mock.calls[index]?.[1]?.headers as Record<string, string>)['X-Csrf-Token'];
    expect(token(0)).toBe('old');
    expect(token(1)).toBe('new');
  });
});

describe('API client errors', () => {
  it('maps 401 on /user to "nobody signed in"', async () => {
    const { api } = clientWith(jsonResponse({ detail: 'Unauthorized' }, 401));
    await expect(api.getCurrentUser()).resolves.toBeNull();
  });

  it('returns the user on 200', async () => {
    const user = { id: 1, sub: 's', picture: 'p', given_name: 'A', family_name: 'B' };
    const { api } = clientWith(jsonResponse(user));
    await expect(api.getCurrentUser()).resolves.toEqual(user);
  });

  it('maps 401 elsewhere to UnauthorizedError with the server detail', async () => {
    const { api } = clientWith(jsonResponse({ detail: 'Not signed in' }, 401));
    const error = await api.getBookmarks({}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnauthorizedError);
    expect((error as UnauthorizedError).message).toBe('Not signed in');
    expect((error as UnauthorizedError).status).toBe(401);
  });

  it('maps 404 to NotFoundError', async () => {
    const { api } = clientWith(jsonResponse({ detail: 'Not Found' }, 404));
    await expect(api.removeBookmark(9)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('maps 422 to ValidationError with fields per location', async () => {
    const detail = { body: { song_id: ['Not found.'] } };
    const { api } = clientWith(jsonResponse({ detail }, 422));
    const error = (await api.addBookmark(999).catch((e: unknown) => e)) as ValidationError;
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.fields).toEqual(detail);
    expect(error.message).toContain('body.song_id: Not found.');
    expect(error.isCsrfFailure).toBe(false);
  });

  it('recognises the CSRF refusal', async () => {
    const detail = { header: { 'X-Csrf-Token': ['Missing or invalid value.'] } };
    const { api } = clientWith(jsonResponse({ detail }, 422));
    const error = (await api.removeBookmark(1).catch((e: unknown) => e)) as ValidationError;
    expect(error.isCsrfFailure).toBe(true);
  });

  it('maps 503 on /user to an error (the session hook counts it as signed out)', async () => {
    const { api } = clientWith(jsonResponse({ detail: 'Sign-in is not configured' }, 503));
    await expect(api.getCurrentUser()).rejects.toBeInstanceOf(ServiceUnavailableError);
  });

  it('maps other statuses to HttpError, even with a body that is not JSON', async () => {
    const { api } = clientWith(new Response('<html>Bad gateway</html>', { status: 502 }));
    const error = (await api.getChannels().catch((e: unknown) => e)) as HttpError;
    expect(error).toBeInstanceOf(HttpError);
    expect(error.status).toBe(502);
    expect(error.message).toContain('502');
  });

  it('maps a failed fetch to NetworkError', async () => {
    const { api } = clientWith(() => Promise.reject(new TypeError('Failed to fetch')));
    const error = (await api.getChannels().catch((e: unknown) => e)) as NetworkError;
    expect(error).toBeInstanceOf(NetworkError);
    expect(error.status).toBe(0);
  });

  it('lets an aborted call reject as an abort, not a network error', async () => {
    const { api } = clientWith(() => Promise.reject(new DOMException('aborted', 'AbortError')));
    const error = (await api.getChannels().catch((e: unknown) => e)) as Error;
    expect(error).not.toBeInstanceOf(NetworkError);
    expect(error.name).toBe('AbortError');
  });

  it('errorFromResponse falls back to a plain message when detail is missing or odd', () => {
    expect(errorFromResponse(404, null).message).toBe('Not found.');
    expect(errorFromResponse(422, { detail: 'x' })).toBeInstanceOf(HttpError);
    expect(errorFromResponse(500, { detail: ['x'] }).message).toContain('500');
  });
});

describe('API client links and streams', () => {
  it('builds sign-in and sign-out links on the API origin', () => {
    const same = clientWith(jsonResponse({})).api;
    expect(same.signInUrl()).toBe('/user/google');
    expect(same.signOutUrl()).toBe('/user/sign_out');
    const other = clientWith(jsonResponse({}), { baseUrl: 'http://127.0.0.1:9000' }).api;
    expect(other.signInUrl()).toBe('http://127.0.0.1:9000/user/google');
  });

  it('opens the event stream, asking to resume after the last id seen', () => {
    const { api } = clientWith(jsonResponse({}));
    const fresh = api.openHistoryEvents() as FakeEventSource;
    expect(fresh.url).toBe('/history/events');
    expect(fresh.init.withCredentials).toBe(false);
    const resumed = api.openHistoryEvents(77) as FakeEventSource;
    expect(resumed.url).toBe('/history/events?last_event_id=77');
  });

  it('opens a cross-origin event stream with credentials', () => {
    const { api } = clientWith(jsonResponse({}), { baseUrl: 'http://127.0.0.1:9000' });
    const source = api.openHistoryEvents(null) as FakeEventSource;
    expect(source.url).toBe('http://127.0.0.1:9000/history/events');
    expect(source.init.withCredentials).toBe(true);
  });
});

describe('API client: station health and channel admin (ours)', () => {
  const item = { id: 5, created_at: '2026-12-05T15:10:00+00:00', song_id: 9, song_title: 't', channel_id: 1, bookmark_id: 0 };
  const gap = { type: 'gap', channel_id: 1, started_at: '2026-12-05T14:52:00+00:00', ended_at: null, reason: 'timeout' };

  it('asks for history with gaps=true and splits items from gaps', async () => {
    const { api, call } = clientWith(jsonResponse([{ ...item, type: 'item' }, gap]));
    await expect(api.getHistoryWithGaps({ channelId: 1 })).resolves.toEqual({ items: [{ ...item, type: 'item' }], gaps: [gap] });
    expect(call().url).toBe('/history?channel_id=1&limit=50&gaps=true');
  });

  it("takes an original server's untyped entries as items", async () => {
    const { api } = clientWith(jsonResponse([item]));
    await expect(api.getHistoryWithGaps({})).resolves.toEqual({ items: [item], gaps: [] });
  });

  it('adds, changes, probes and deletes channels with the CSRF header', async () => {
    const cookies = 'nicecream_history_csrf=tok';
    const added = clientWith(jsonResponse({ id: 4, name: 'jazz', url: 'http://s/j', format: 'auto' }, 201), { cookies });
    await added.api.addChannel({ name: 'jazz', url: 'http://s/j', format: 'auto' });
    expect(added.call().url).toBe('/channels');
    expect(added.call().init.method).toBe('POST');
    expect(added.call().init.body).toBe(JSON.stringify({ name: 'jazz', url: 'http://s/j', format: 'auto' }));
    expect(added.call().headers['X-Csrf-Token']).toBe('tok');

    const changed = clientWith(jsonResponse({ id: 4, name: 'jazz', url: 'u' }), { cookies });
    await changed.api.updateChannel(4, { paused: true });
    expect([changed.call().init.method, changed.call().url, changed.call().init.body]).toEqual(['PATCH', '/channels/4', '{"paused":true}']);
    expect(changed.call().headers['X-Csrf-Token']).toBe('tok');

    const probed = clientWith(jsonResponse({ format: 'voscast', title: 'A - B' }), { cookies });
    await expect(probed.api.probeChannel({ url: 'http://s/j' })).resolves.toEqual({ format: 'voscast', title: 'A - B' });
    expect([probed.call().init.method, probed.call().url]).toEqual(['POST', '/channels/probe']);

    const deleted = clientWith(new Response(null, { status: 204 }), { cookies });
    await deleted.api.deleteChannel(4);
    expect([deleted.call().init.method, deleted.call().url]).toEqual(['DELETE', '/channels/4']);
    const purged = clientWith(new Response(null, { status: 204 }), { cookies });
    await purged.api.deleteChannel(4, { purge: true });
    expect(purged.call().url).toBe('/channels/4?purge=true');
  });

  it('maps the refusals: 403, 409 and a probe that could not read the station', async () => {
    await expect(clientWith(jsonResponse({ detail: 'Admins only' }, 403)).api.addChannel({ name: 'a', url: 'u' })).rejects.toMatchObject({
      status: 403,
      message: 'Admins only',
    });
    await expect(clientWith(jsonResponse({ detail: 'It has history' }, 409)).api.deleteChannel(1)).rejects.toMatchObject({ status: 409 });
    const probe = clientWith(jsonResponse({ detail: 'connection refused' }, 422)).api.probeChannel({ url: 'http://s' });
    await expect(probe).rejects.toBeInstanceOf(HttpError);
    await expect(clientWith(jsonResponse({ detail: 'connection refused' }, 422)).api.probeChannel({ url: 'u' })).rejects.toThrow(
      'connection refused',
    );
  });
});

describe('API client: watches and push (ours)', () => {
  const watch = {
    id: 5,
    kind: 'artist',
    value: 'Sigur Ros',
    song_id: null,
    channel_id: null,
    created_at: '2026-12-05T07:00:00+00:00',
    feed_url: 'http://127.0.0.1:8080/feeds/watches/abc.atom',
  };

  it('lists, adds and removes watches, the writes with the CSRF token', async () => {
    const { api, call } = clientWith(() => Promise.resolve(jsonResponse(watch, 201)), { cookies: 'nicecream_history_csrf=tok' });
    await api.getWatches();
    await expect(api.addWatch({ kind: 'artist', value: 'Sigur Ros' })).resolves.toEqual(watch);
    await api.addWatch({ kind: 'song', song_id: 40, channel_id: 2 });
    await api.removeWatch(5);
    expect(call(0).url).toBe('/user/watches');
    expect(call(0).init.method).toBe('GET');
    expect(call(0).headers['X-Csrf-Token']).toBeUndefined();
    expect(call(1).init.method).toBe('POST');
    expect(call(1).headers['X-Csrf-Token']).toBe('tok');
    expect(JSON.parse(call(1).init.body as string)).toEqual({ kind: 'artist', value: 'Sigur Ros' });
    expect(JSON.parse(call(2).init.body as string)).toEqual({ kind: 'song', song_id: 40, channel_id: 2 });
    expect(call(3).url).toBe('/user/watches/5');
    expect(call(3).init.method).toBe('DELETE');
    expect(call(3).headers['X-Csrf-Token']).toBe('tok');
  });

  it('renews the feed address with a CSRF POST', async () => {
    const { api, call } = clientWith(jsonResponse({ feed_url: 'http://h/feeds/watches/new.atom' }), {
      cookies: 'nicecream_history_csrf=tok',
    });
    await expect(api.renewWatchFeed()).resolves.toEqual({ feed_url: 'http://h/feeds/watches/new.atom' });
    expect(call().url).toBe('/user/watches/feed-token');
    expect(call().init.method).toBe('POST');
    expect(call().headers['X-Csrf-Token']).toBe('tok');
  });

  it('maps a watch refused for its limit, or gone, like any other call', async () => {
    const { api } = clientWith(() => Promise.resolve(jsonResponse({ detail: 'At most 100 watches.' }, 422)));
    await expect(api.addWatch({ kind: 'text', value: 'x' })).rejects.toThrow('At most 100 watches.');
    const gone = clientWith(jsonResponse({ detail: 'Not Found' }, 404));
    await expect(gone.api.removeWatch(9)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('reads the push key and stores and removes a subscription', async () => {
    const { api, call } = clientWith(() => Promise.resolve(jsonResponse({ public_key: 'BPk' })), { cookies: 'nicecream_history_csrf=tok' });
    await expect(api.getPushPublicKey()).resolves.toBe('BPk');
    const subscription = { endpoint: 'https://push.example/abc', expirationTime: null, keys: { p256dh: 'p', auth: 'a' } };
    await api.addPushSubscription(subscription);
    await api.removePushSubscription('https://push.example/abc');
    expect(call(0).url).toBe('/push/vapid-public-key');
    expect(call(1).url).toBe('/user/push-subscriptions');
    expect(call(1).init.method).toBe('POST');
    expect(JSON.parse(call(1).init.body as string)).toEqual(subscription);
    expect(call(2).init.method).toBe('DELETE');
    expect(call(2).headers['X-Csrf-Token']).toBe('tok');
    expect(JSON.parse(call(2).init.body as string)).toEqual({ endpoint: 'https://push.example/abc' });
  });
});
