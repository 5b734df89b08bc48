import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { ApiContext } from '../../hooks/use-api';
import { createFakeBackend } from '../../test/fake-backend';
import type { PushEnvironment } from '../../watches/push-subscription';
import { PushSwitch } from './PushSwitch';

function environmentWith(initial: NotificationPermission, answer: NotificationPermission = 'granted') {
  let subscribed = false;
  let permission = initial;
  const subscription = {
    endpoint: 'https://push.example/s/1',
    toJSON: () => ({ endpoint: 'https://push.example/s/1', keys: { p256dh: 'BP', auth: 'au' } }),
    unsubscribe: () => {
      subscribed = false;
      return Promise.resolve(true);
    },
  };
  const registration = {
    pushManager: {
      subscribe: () => {
        subscribed = true;
        return Promise.resolve(subscription);
      },
      getSubscription: () => Promise.resolve(subscribed ? subscription : null),
    },
  } as unknown as ServiceWorkerRegistration;
  const environment: PushEnvironment = {
    serviceWorker: {
      register: vi.fn(() => Promise.resolve(registration)),
      getRegistration: () => Promise.resolve(registration),
      ready: Promise.resolve(registration),
    },
    hasPushManager: true,
    permission: () => permission,
    requestPermission: () => {
      permission = answer;
      return Promise.resolve(answer);
    },
  };
  return environment;
}

function renderSwitch(environment: PushEnvironment) {
  const backend = createFakeBackend((request) => {
    if (request.url.pathname === '/push/vapid-public-key') return { body: { public_key: 'AQID' } };
    if (request.url.pathname === '/user/push-subscriptions') return { status: request.method === 'POST' ? 201 : 204 };
    return { status: 404 };
  });
  render(
    <ApiContext.Provider value={backend.api}>
      <PushSwitch environment={environment} />
    </ApiContext.Provider>,
  );
  return backend;
}

describe('push switch', () => {
  it('turns push on (the subscription goes to the API) and off again', async () => {
    const backend = renderSwitch(environmentWith('default'));
    const toggle = screen.getByRole('switch', { name: 'Push notifications on this device' });
    await waitFor(() => expect(toggle).toBeEnabled());
    expect(toggle).not.toBeChecked();
    fireEvent.click(toggle);
    await waitFor(() => expect(toggle).toBeChecked());
    expect(backend.requestsTo('/user/push-subscriptions', 'POST')[0]!.body).toEqual({
      endpoint: 'https://push.example/s/1',
      keys: { p256dh: 'BP', auth: 'au' },
    });
    fireEvent.click(toggle);
    await waitFor(() => expect(toggle).not.toBeChecked());
    expect(backend.requestsTo('/user/push-subscriptions', 'DELETE')[0]!.body).toEqual({ endpoint: 'https://push.example/s/1' });
  });

  it('explains blocked notifications instead of a switch', () => {
    renderSwitch(environmentWith('denied'));
    expect(screen.queryByRole('switch')).toBeNull();
    expect(screen.getByText(/Notifications are blocked for this site/)).toBeInTheDocument();
  });

  it('explains, and asks the API nothing, when the user blocks notifications at the prompt', async () => {
    const environment = environmentWith('default', 'denied');
    const backend = renderSwitch(environment);
    const toggle = screen.getByRole('switch');
    await waitFor(() => expect(toggle).toBeEnabled());
    fireEvent.click(toggle);
    await waitFor(() => expect(screen.queryByRole('switch')).toBeNull());
    expect(screen.getByText(/Notifications are blocked for this site/)).toBeInTheDocument();
    expect(backend.requestsTo('/user/push-subscriptions')).toHaveLength(0);
  });
});
