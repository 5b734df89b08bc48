import { describe, expect, it, vi } from 'vitest';
import type { ApiClient } from '../api/client';
import { NotFoundError } from '../api/errors';
import {
  base64UrlToBytes,
  disablePush,
  enablePush,
  isSubscribed,
  pushSupport,
  SERVICE_WORKER_URL,
  type PushEnvironment,
} from './push-subscription';

const SUBSCRIPTION_JSON = { endpoint: 'https://push.example/s/1', expirationTime: null, keys: { p256dh: 'BP', auth: 'au' } };

function fakes(options: { permission?: NotificationPermission; answer?: NotificationPermission; subscribed?: boolean } = {}) {
  let current: { endpoint: string; toJSON: () => unknown; unsubscribe: ReturnType<typeof vi.fn> } | null = null;
  const makeSubscription = () => ({
    endpoint: SUBSCRIPTION_JSON.endpoint,
    toJSON: () => SUBSCRIPTION_JSON,
    unsubscribe: vi.fn(() => Promise.resolve(true)),
  });
  if (options.subscribed) current = makeSubscription();
  const pushManager = {
    subscribe: vi.fn(() => {
      current = makeSubscription();
      return Promise.resolve(current);
    }),
    getSubscription: vi.fn(() => Promise.resolve(current)),
  };
  const registration = { pushManager } as unknown as ServiceWorkerRegistration;
  const serviceWorker = {
    register: vi.fn(() => Promise.resolve(registration)),
    getRegistration: vi.fn(() => Promise.resolve(registration)),
    ready: Promise.resolve(registration),
  };
  const environment: PushEnvironment = {
    serviceWorker,
    hasPushManager: true,
    permission: () => options.permission ?? 'default',
    requestPermission: vi.fn(() => Promise.resolve(options.answer ?? 'granted')),
  };
  const api = {
    getPushPublicKey: vi.fn(() => Promise.resolve('AQID_-8')),
    addPushSubscription: vi.fn(() => Promise.resolve()),
    removePushSubscription: vi.fn(() => Promise.resolve()),
  };
  return { environment, serviceWorker, pushManager, api, client: api as unknown as ApiClient, current: () => current };
}

describe('push subscription', () => {
  it('tells whether push can work here', () => {
    const { environment } = fakes();
    expect(pushSupport(environment)).toBe('available');
    expect(pushSupport({ ...environment, serviceWorker: undefined })).toBe('unsupported');
    expect(pushSupport({ ...environment, hasPushManager: false })).toBe('unsupported');
    expect(pushSupport({ ...environment, permission: () => null })).toBe('unsupported');
    expect(pushSupport({ ...environment, permission: () => 'denied' })).toBe('denied');
  });

  it('decodes the base64url key', () => {
    expect([...base64UrlToBytes('AQID_-8')]).toEqual([1, 2, 3, 255, 239]);
  });

  it('registers /sw.js, subscribes with the server key for visible notifications only and stores the subscription', async () => {
    const { environment, serviceWorker, pushManager, api, client } = fakes();
    await expect(enablePush(client, environment)).resolves.toBe('subscribed');
    expect(serviceWorker.register).toHaveBeenCalledWith(SERVICE_WORKER_URL);
    expect(pushManager.subscribe).toHaveBeenCalledWith({ userVisibleOnly: true, applicationServerKey: base64UrlToBytes('AQID_-8') });
    expect(api.addPushSubscription).toHaveBeenCalledWith(SUBSCRIPTION_JSON);
    await expect(isSubscribed(environment)).resolves.toBe(true);
  });

  it('stops when the user refuses notifications', async () => {
    const { environment, pushManager, api, client } = fakes({ answer: 'denied' });
    await expect(enablePush(client, environment)).resolves.toBe('denied');
    expect(pushManager.subscribe).not.toHaveBeenCalled();
    expect(api.addPushSubscription).not.toHaveBeenCalled();
  });

  it('removes the subscription on the server, then in the browser (also when the server had dropped it)', async () => {
    const { environment, api, client, current } = fakes({ subscribed: true });
    const subscription = current()!;
    api.removePushSubscription.mockRejectedValueOnce(new NotFoundError());
    await disablePush(client, environment);
    expect(api.removePushSubscription).toHaveBeenCalledWith(SUBSCRIPTION_JSON.endpoint);
    expect(subscription.unsubscribe).toHaveBeenCalledOnce();
  });

  it('does nothing to turn off when nothing is subscribed', async () => {
    const { environment, api, client } = fakes();
    await disablePush(client, environment);
    expect(api.removePushSubscription).not.toHaveBeenCalled();
    await expect(isSubscribed(environment)).resolves.toBe(false);
  });
});
