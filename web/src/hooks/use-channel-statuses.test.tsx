import { act, renderHook, waitFor } from '@testing-library/preact';
import type { ComponentChildren } from 'preact';
import { describe, expect, it, vi } from 'vitest';
import type { Channel, ChannelStatus } from '../api/types';
import type { LiveStatus } from '../history/live-connection';
import { createFakeBackend, type FakeResponse } from '../test/fake-backend';
import { ApiContext } from './use-api';
import { useChannelStatuses, useReadAgainWhenLive } from './use-channel-statuses';

function renderWithStatus(initial: LiveStatus) {
  const onLive = vi.fn();
  const hook = renderHook(({ status }: { status: LiveStatus }) => useReadAgainWhenLive(status, onLive), {
    initialProps: { status: initial },
  });
  return { onLive, rerender: (status: LiveStatus) => hook.rerender({ status }) };
}

describe('reading the statuses again when the stream is live', () => {
  it('reads them once the stream first connects, since a change before that was never sent', () => {
    const { onLive, rerender } = renderWithStatus('connecting');
    expect(onLive).not.toHaveBeenCalled();
    rerender('live');
    expect(onLive).toHaveBeenCalledTimes(1);
    rerender('live');
    expect(onLive).toHaveBeenCalledTimes(1);
  });

  it('reads them again when the stream is back after a drop, and not while it is away or off', () => {
    const { onLive, rerender } = renderWithStatus('live');
    rerender('reconnecting');
    rerender('off');
    expect(onLive).not.toHaveBeenCalled();
    rerender('live');
    expect(onLive).toHaveBeenCalledTimes(1);
  });
});

const pending: ChannelStatus = { state: 'pending', since: null, last_poll_at: null, last_change_at: null, error: null };
const ok: ChannelStatus = {
  state: 'ok',
  since: '2026-12-06T05:00:00Z',
  last_poll_at: '2026-12-06T05:00:00Z',
  last_change_at: '2026-12-06T05:00:00Z',
  error: null,
};
const red = { id: 1, name: 'red', url: 'http://127.0.0.1/red' } as Channel;

const green = { id: 2, name: 'green', url: 'http://127.0.0.1/green' } as Channel;

/**
 * The statuses hook over a backend whose answers to GET /channels the test releases one by one:
 * red with the status given, green always ok (its arrival shows the answer was taken in).
 */
function renderStatuses(channels: readonly Channel[] | null) {
  const answers: ((status: ChannelStatus) => void)[] = [];
  const backend = createFakeBackend(
    () =>
      new Promise<FakeResponse>((resolve) =>
        answers.push((status) =>
          resolve({
            body: [
              { ...red, status },
              { ...green, status: ok },
            ],
          }),
        ),
      ),
  );
  const wrapper = ({ children }: { children: ComponentChildren }) => (
    <ApiContext.Provider value={backend.api}>{children}</ApiContext.Provider>
  );
  const hook = renderHook(({ loaded }: { loaded: readonly Channel[] | null }) => useChannelStatuses(loaded), {
    wrapper,
    initialProps: { loaded: channels },
  });
  const answer = async (status: ChannelStatus) => {
    await waitFor(() => expect(answers.length).toBeGreaterThan(0));
    act(() => answers.shift()!(status));
    await waitFor(() => expect(hook.result.current.live.get(2)).toEqual(ok));
  };
  return { hook, answer };
}

describe('statuses read again beside the live ones', () => {
  it('a read of /channels takes over what arrived live before it was asked for', async () => {
    const { hook, answer } = renderStatuses([red]);
    act(() => hook.result.current.apply({ ...red, status: pending }));
    act(() => hook.result.current.resync());
    await answer(ok);
    expect(hook.result.current.live.get(1)).toEqual(ok);
  });

  it('a status that arrived live while a read was on its way is newer than its answer, and stays', async () => {
    const { hook, answer } = renderStatuses([red]);
    act(() => hook.result.current.resync()); // the server reads "pending"...
    act(() => hook.result.current.apply({ ...red, status: ok })); // ...the crawler's "ok" comes live first
    await answer(pending);
    expect(hook.result.current.live.get(1)).toEqual(ok);
  });
});

describe('reading the statuses again when the channels are loaded', () => {
  it('reads them when the channels arrive while the stream is live, not while it is not', () => {
    const onLive = vi.fn();
    const hook = renderHook(
      ({ status, channels }: { status: LiveStatus; channels: Channel[] | null }) => useReadAgainWhenLive(status, onLive, channels),
      { initialProps: { status: 'connecting' as LiveStatus, channels: null as Channel[] | null } },
    );
    const loaded = [red];
    hook.rerender({ status: 'connecting', channels: loaded });
    expect(onLive).not.toHaveBeenCalled();
    hook.rerender({ status: 'live', channels: loaded });
    expect(onLive).toHaveBeenCalledTimes(1);
    hook.rerender({ status: 'live', channels: [{ ...red }] }); // loaded again (a retry)
    expect(onLive).toHaveBeenCalledTimes(2);
  });
});
