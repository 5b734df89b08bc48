// The service worker's logic (web/src/sw.ts is its entry, built to /sw.js): a push message
// becomes a notification, a click on one brings the app to the song. Written against the
// few worker objects it uses, so tests hand in fakes; nothing here imports the app's code.

/** The push payload the server encrypts for a watch match. */
export interface MatchPayload {
  title: string;
  song_id: number;
  channel_id: number;
  channel_name: string;
  played_at: string;
  url: string;
  watch_id: number;
}

export interface NotificationContent {
  title: string;
  options: { body: string; tag: string; data: { url: string }; icon?: string };
}

export interface WindowClientLike {
  url: string;
  focus(): Promise<unknown>;
  navigate?(url: string): Promise<unknown>;
}

export interface ExtendableEventLike {
  waitUntil(promise: Promise<unknown>): void;
}

export interface PushEventLike extends ExtendableEventLike {
  data: { text(): string } | null;
}

export interface NotificationEventLike extends ExtendableEventLike {
  notification: { data: unknown; close(): void };
}

/** The parts of ServiceWorkerGlobalScope the worker uses. */
export interface ServiceWorkerScopeLike {
  location: { origin: string };
  registration: { showNotification(title: string, options: NotificationContent['options']): Promise<void> };
  clients: {
    matchAll(options: { type: 'window'; includeUncontrolled: boolean }): Promise<readonly WindowClientLike[]>;
    openWindow(url: string): Promise<unknown>;
  };
  addEventListener(type: 'push', listener: (event: PushEventLike) => void): void;
  addEventListener(type: 'notificationclick', listener: (event: NotificationEventLike) => void): void;
}

function isMatchPayload(value: unknown): value is MatchPayload {
  if (typeof value !== 'object' || value === null) return false;
  const payload = value as Record<string, unknown>;
  return (
    typeof payload.title === 'string' &&
    typeof payload.channel_name === 'string' &&
    typeof payload.played_at === 'string' &&
    typeof payload.url === 'string' &&
    typeof payload.watch_id === 'number' &&
    typeof payload.channel_id === 'number'
  );
}

/** A push message's payload; null when it is missing or not what the server sends. */
export function parsePayload(text: string | null): MatchPayload | null {
  if (text === null) return null;
  try {
    const value: unknown = JSON.parse(text);
    return isMatchPayload(value) ? value : null;
  } catch {
    return null;
  }
}

/** The app's own address of a link: its path on this origin, so a notification never leads elsewhere. */
export function appUrl(link: string, origin: string): string {
  try {
    const url = new URL(link, origin);
    return new URL(`${url.pathname}${url.search}`, origin).href;
  } catch {
    return new URL('/', origin).href;
  }
}

const FALLBACK_TITLE = 'Something you watch is on the air';

/** "<song> is on <channel>", when it played, one tag per watch and airing (a repeat replaces, never doubles). */
export function notificationFor(payload: MatchPayload | null, origin: string, formatTime: (date: Date) => string): NotificationContent {
  if (payload === null) {
    return {
      title: FALLBACK_TITLE,
      options: { body: 'Open your watches to see it.', tag: 'watch', data: { url: appUrl('/watches', origin) } },
    };
  }
  const playedAt = new Date(payload.played_at);
  const when = Number.isNaN(playedAt.getTime()) ? '' : `Since ${formatTime(playedAt)}. `;
  return {
    title: `${payload.title} is on ${payload.channel_name}`,
    options: {
      body: `${when}Open the song’s page.`,
      tag: `watch-${payload.watch_id}-${payload.channel_id}-${payload.played_at}`,
      data: { url: appUrl(payload.url, origin) },
    },
  };
}

function clickedUrl(data: unknown, origin: string): string {
  const url = typeof data === 'object' && data !== null ? (data as { url?: unknown }).url : undefined;
  return appUrl(typeof url === 'string' ? url : '/', origin);
}

/** Focuses a window showing `url`, else brings an open app window there, else opens one. */
export async function openApp(scope: ServiceWorkerScopeLike, url: string): Promise<void> {
  const windows = await scope.clients.matchAll({ type: 'window', includeUncontrolled: true });
  const showing = windows.find((client) => client.url === url);
  if (showing) {
    await showing.focus();
    return;
  }
  const open = windows.find((client) => client.url.startsWith(scope.location.origin) && client.navigate !== undefined);
  if (open?.navigate) {
    await open.focus();
    await open.navigate(url);
    return;
  }
  await scope.clients.openWindow(url);
}

const defaultTimeFormat = (date: Date) => new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' }).format(date);

export function installServiceWorker(scope: ServiceWorkerScopeLike, formatTime: (date: Date) => string = defaultTimeFormat): void {
  scope.addEventListener('push', (event) => {
    let text: string | null = null;
    try {
      text = event.data?.text() ?? null;
    } catch {
      text = null;
    }
    // userVisibleOnly: every push shows a notification, a malformed one too.
    const { title, options } = notificationFor(parsePayload(text), scope.location.origin, formatTime);
    event.waitUntil(scope.registration.showNotification(title, options));
  });
  scope.addEventListener('notificationclick', (event) => {
    event.notification.close();
    event.waitUntil(openApp(scope, clickedUrl(event.notification.data, scope.location.origin)));
  });
}
