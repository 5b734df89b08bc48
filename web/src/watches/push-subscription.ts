import type { ApiClient } from '../api/client';
import { NotFoundError } from '../api/errors';
import type { PushSubscriptionJson } from '../api/types';

// Web Push in the browser: whether it can work here, and turning it on and off. The browser
// parts come in as a PushEnvironment so tests can hand in fakes.

/** The service worker's address: at the site root, so its scope is the whole app. */
export const SERVICE_WORKER_URL = '/sw.js';

export type PushSupport = 'unsupported' | 'denied' | 'available';

/** The few browser objects push needs. */
export interface PushEnvironment {
  /** navigator.serviceWorker, absent without service workers (or on an insecure origin). */
  serviceWorker?: Pick<ServiceWorkerContainer, 'register' | 'getRegistration' | 'ready'>;
  /** Whether window.PushManager exists. */
  hasPushManager: boolean;
  /** Notification.permission, null without the Notifications API. */
  permission: () => NotificationPermission | null;
  requestPermission: () => Promise<NotificationPermission>;
}

export function browserPushEnvironment(): PushEnvironment {
  const hasNotifications = typeof Notification !== 'undefined';
  return {
    serviceWorker: 'serviceWorker' in navigator ? navigator.serviceWorker : undefined,
    hasPushManager: 'PushManager' in window,
    permission: () => (hasNotifications ? Notification.permission : null),
    requestPermission: () => (hasNotifications ? Notification.requestPermission() : Promise.resolve('denied')),
  };
}

export function pushSupport(environment: PushEnvironment): PushSupport {
  if (environment.serviceWorker === undefined || !environment.hasPushManager || environment.permission() === null) return 'unsupported';
  return environment.permission() === 'denied' ? 'denied' : 'available';
}

/** A base64url text (the VAPID key as the API gives it) as the bytes PushManager.subscribe takes. */
export function base64UrlToBytes(text: string): Uint8Array<ArrayBuffer> {
  const base64 = text
    .replace(/-/g, '+')
    .replace(/_/g, '/')
    .padEnd(Math.ceil(text.length / 4) * 4, '=');
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index += 1) bytes[index] = binary.charCodeAt(index);
  return bytes;
}

async function currentSubscription(environment: PushEnvironment): Promise<PushSubscription | null> {
  const registration = await environment.serviceWorker?.getRegistration(SERVICE_WORKER_URL);
  return (await registration?.pushManager.getSubscription()) ?? null;
}

/** Whether this browser holds a push subscription now. */
export async function isSubscribed(environment: PushEnvironment): Promise<boolean> {
  return (await currentSubscription(environment)) !== null;
}

export type EnableResult = 'subscribed' | 'denied';

/** Asks for permission, registers the service worker, subscribes with the server's key and hands the subscription to the API. */
export async function enablePush(api: ApiClient, environment: PushEnvironment): Promise<EnableResult> {
  if (environment.serviceWorker === undefined) return 'denied';
  if ((await environment.requestPermission()) !== 'granted') return 'denied';
  await environment.serviceWorker.register(SERVICE_WORKER_URL);
  // A registration can subscribe only once its worker is active.
  const registration = await environment.serviceWorker.ready;
  const key = await api.getPushPublicKey();
  const subscription = await registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: base64UrlToBytes(key) });
  await api.addPushSubscription(subscription.toJSON() as PushSubscriptionJson);
  return 'subscribed';
}

/** Tells the API to forget this browser's subscription, then drops it. */
export async function disablePush(api: ApiClient, environment: PushEnvironment): Promise<void> {
  const subscription = await currentSubscription(environment);
  if (subscription === null) return;
  try {
    await api.removePushSubscription(subscription.endpoint);
  } catch (error) {
    // Already gone on the server (a push service said 410): dropping it here is all that is left.
    if (!(error instanceof NotFoundError)) throw error;
  }
  await subscription.unsubscribe();
}
