import { act, renderHook, waitFor } from '@testing-library/preact';
import type { ComponentChildren } from 'preact';
import { describe, expect, it } from 'vitest';
import type { Channel } from '../api/types';
import { createFakeBackend, type Handler } from '../test/fake-backend';
import { CHANNELS, channelStatus } from '../test/fixtures';
import { ApiContext } from './use-api';
import { useChannels } from './use-channels';

const [red, green, blue] = CHANNELS as [Channel, Channel, Channel];

function renderChannels(handler: Handler) {
  const backend = createFakeBackend(handler);
  const wrapper = ({ children }: { children: ComponentChildren }) => (
    <ApiContext.Provider value={backend.api}>{children}</ApiContext.Provider>
  );
  return renderHook(() => useChannels(), { wrapper });
}

/** The hook once GET /channels answered `channels`. */
async function renderLoaded(channels: Channel[]) {
  const hook = renderChannels(() => ({ body: channels }));
  await waitFor(() => expect(hook.result.current.state.status).toBe('ready'));
  return hook;
}

function listed(hook: { result: { current: ReturnType<typeof useChannels> } }): Channel[] {
  const { state } = hook.result.current;
  return state.status === 'ready' ? state.channels : [];
}

describe('channels added and removed while the page is open', () => {
  it('drops a removed channel, each of several removed at once, and ignores an unknown id', async () => {
    const hook = await renderLoaded([red, green, blue]);
    act(() => {
      hook.result.current.remove(1);
      hook.result.current.remove(3);
    });
    expect(listed(hook)).toEqual([green]);
    const before = hook.result.current.state;
    act(() => hook.result.current.remove(9));
    expect(hook.result.current.state).toBe(before);
  });

  it('takes in an added channel, with its status, in id order; each of several added at once', async () => {
    const hook = await renderLoaded([red, blue]);
    const greenNow = { ...green, status: channelStatus({ state: 'pending' }) };
    const purple = { id: 4, name: 'purple', url: 'http://127.0.0.1:1/purple' };
    act(() => {
      hook.result.current.add(purple);
      hook.result.current.add(greenNow);
    });
    expect(listed(hook)).toEqual([red, greenNow, blue, purple]);
  });

  it('leaves a channel it lists as it is (its status change is no new list)', async () => {
    const hook = await renderLoaded([red, green]);
    const before = hook.result.current.state;
    act(() => hook.result.current.add({ ...green, name: 'renamed', status: channelStatus() }));
    expect(hook.result.current.state).toBe(before);
  });

  it('changes nothing before the channels are loaded', () => {
    const hook = renderChannels(() => new Promise(() => undefined));
    act(() => {
      hook.result.current.add(red);
      hook.result.current.remove(1);
    });
    expect(hook.result.current.state).toEqual({ status: 'loading' });
  });
});
