import { describe, expect, it, vi } from 'vitest';
import {
  installServiceWorker,
  type NotificationContent,
  type NotificationEventLike,
  type PushEventLike,
  type ServiceWorkerScopeLike,
  type WindowClientLike,
} from './notifications';

const ORIGIN = 'https://history.example';
const PAYLOAD = {
  title: 'Sigur Rós - Hoppípolla',
  song_id: 40,
  channel_id: 2,
  channel_name: 'green',
  played_at: '2026-12-05T07:04:00+00:00',
  url: 'https://history.example/songs/40',
  watch_id: 3,
};

/** A fake ServiceWorkerGlobalScope: its registration records notifications, its clients are the windows given. */
function fakeScope(windows: WindowClientLike[] = []) {
  const listeners: { push?: (event: PushEventLike) => void; notificationclick?: (event: NotificationEventLike) => void } = {};
  const showNotification = vi.fn<(title: string, options: NotificationContent['options']) => Promise<void>>(() => Promise.resolve());
  const openWindow = vi.fn(() => Promise.resolve(null));
  const matchAll = vi.fn(() => Promise.resolve(windows));
  const scope = {
    location: { origin: ORIGIN },
    registration: { showNotification },
    clients: { matchAll, openWindow },
    addEventListener: (type: string, listener: never) => {
      listeners[type as keyof typeof listeners] = listener;
    },
  } as ServiceWorkerScopeLike;
  installServiceWorker(scope, (date) => date.toISOString().slice(11, 16));

  async function push(text: string | null) {
    const waits: Promise<unknown>[] = [];
    listeners.push!({ data: text === null ? null : { text: () => text }, waitUntil: (promise) => waits.push(promise) });
    await Promise.all(waits);
    expect(waits).toHaveLength(1);
  }

  async function click(data: unknown) {
    const waits: Promise<unknown>[] = [];
    const close = vi.fn();
    listeners.notificationclick!({ notification: { data, close }, waitUntil: (promise) => waits.push(promise) });
    await Promise.all(waits);
    expect(close).toHaveBeenCalledOnce();
    expect(waits).toHaveLength(1);
  }

  return { showNotification, openWindow, matchAll, push, click };
}

function windowAt(url: string) {
  const focus = vi.fn(() => Promise.resolve());
  const navigate = vi.fn<(target: string) => Promise<void>>(() => Promise.resolve());
  const client: WindowClientLike = { url, focus, navigate };
  return { client, focus, navigate };
}

describe('service worker', () => {
  it('shows "<song> is on <channel>" with the time, a tag per watch and airing, and the song page as data', async () => {
    const sw = fakeScope();
    await sw.push(JSON.stringify(PAYLOAD));
    expect(sw.showNotification).toHaveBeenCalledWith('Sigur Rós - Hoppípolla is on green', {
      body: 'Since 07:04. Open the song’s page.',
      tag: 'watch-3-2-2026-12-05T07:04:00+00:00',
      data: { url: 'https://history.example/songs/40' },
    });
  });

  it('gives the same tag to the same airing and another to the next', async () => {
    const sw = fakeScope();
    await sw.push(JSON.stringify(PAYLOAD));
    await sw.push(JSON.stringify(PAYLOAD));
    await sw.push(JSON.stringify({ ...PAYLOAD, played_at: '2026-12-05T09:00:00+00:00' }));
    const tags = sw.showNotification.mock.calls.map(([, options]) => options.tag);
    expect(tags[0]).toBe(tags[1]);
    expect(tags[2]).not.toBe(tags[0]);
  });

  it('still shows a notification for a push without a readable payload (userVisibleOnly)', async () => {
    const sw = fakeScope();
    await sw.push(null);
    await sw.push('{"title": 4}');
    expect(sw.showNotification).toHaveBeenCalledTimes(2);
    expect(sw.showNotification).toHaveBeenLastCalledWith('Something you watch is on the air', {
      body: 'Open your watches to see it.',
      tag: 'watch',
      data: { url: 'https://history.example/watches' },
    });
  });

  it('keeps a notification on this origin whatever link the payload carries', async () => {
    const sw = fakeScope();
    await sw.push(JSON.stringify({ ...PAYLOAD, url: 'https://elsewhere.example/songs/40?x=1' }));
    expect(sw.showNotification.mock.calls[0]![1].data.url).toBe('https://history.example/songs/40?x=1');
  });

  it('on click focuses a window already showing the song', async () => {
    const song = windowAt('https://history.example/songs/40');
    const other = windowAt('https://history.example/');
    const sw = fakeScope([other.client, song.client]);
    await sw.click({ url: 'https://history.example/songs/40' });
    expect(sw.matchAll).toHaveBeenCalledWith({ type: 'window', includeUncontrolled: true });
    expect(song.focus).toHaveBeenCalledOnce();
    expect(other.focus).not.toHaveBeenCalled();
    expect(sw.openWindow).not.toHaveBeenCalled();
  });

  it('on click brings an open app window to the song', async () => {
    const app = windowAt('https://history.example/charts');
    const sw = fakeScope([app.client]);
    await sw.click({ url: 'https://history.example/songs/40' });
    expect(app.focus).toHaveBeenCalledOnce();
    expect(app.navigate).toHaveBeenCalledWith('https://history.example/songs/40');
    expect(sw.openWindow).not.toHaveBeenCalled();
  });

  it('on click opens the song page when no app window is open', async () => {
    const sw = fakeScope([]);
    await sw.click({ url: 'https://history.example/songs/40' });
    expect(sw.openWindow).toHaveBeenCalledWith('https://history.example/songs/40');
    await sw.click(null);
    expect(sw.openWindow).toHaveBeenLastCalledWith('https://history.example/');
  });
});
