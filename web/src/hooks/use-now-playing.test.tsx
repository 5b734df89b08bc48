import { renderHook, waitFor } from '@testing-library/preact';
import type { ComponentChildren } from 'preact';
import { describe, expect, it } from 'vitest';
import type { Channel } from '../api/types';
import { createFakeBackend, type Handler, NETWORK_DOWN } from '../test/fake-backend';
import { CHANNELS, historyItem } from '../test/fixtures';
import { ApiContext } from './use-api';
import { useNowPlaying } from './use-now-playing';

const [red, green, blue] = CHANNELS as [Channel, Channel, Channel];

/** Channel n's latest item has id 10 n. */
const latestOfEach: Handler = (request) => {
  const channel = Number(request.url.searchParams.get('channel_id'));
  return { body: [historyItem(10 * channel, { channel_id: channel })] };
};

function renderNowPlaying(handler: Handler, channels: Channel[]) {
  const backend = createFakeBackend(handler);
  const wrapper = ({ children }: { children: ComponentChildren }) => (
    <ApiContext.Provider value={backend.api}>{children}</ApiContext.Provider>
  );
  const hook = renderHook((props: { channels: Channel[] }) => useNowPlaying(props.channels), {
    wrapper,
    initialProps: { channels },
  });
  return { backend, hook };
}

function askedFor(backend: ReturnType<typeof createFakeBackend>): string[] {
  return backend.requestsTo('/history').map((request) => request.url.searchParams.get('channel_id') ?? '');
}

describe('each channel’s latest item', () => {
  it('is loading for every channel until its answer, then shows it', async () => {
    const { backend, hook } = renderNowPlaying(latestOfEach, [red, green]);
    expect([...hook.result.current.loading]).toEqual([1, 2]);
    await waitFor(() => expect(hook.result.current.loading.size).toBe(0));
    expect(hook.result.current.nowPlaying.get(1)?.id).toBe(10);
    expect(hook.result.current.nowPlaying.get(2)?.id).toBe(20);
    expect(askedFor(backend)).toEqual(['1', '2']);
  });

  it('asks only for a channel added to the list, keeping the cards already loaded', async () => {
    let blueAnswers: () => void = () => {};
    const blueWaits = new Promise<void>((resolve) => (blueAnswers = resolve));
    const { backend, hook } = renderNowPlaying(
      async (request) => {
        if (request.url.searchParams.get('channel_id') === '3') await blueWaits;
        return latestOfEach(request);
      },
      [red, green],
    );
    await waitFor(() => expect(hook.result.current.loading.size).toBe(0));
    const loaded = hook.result.current.nowPlaying;

    hook.rerender({ channels: [red, green, blue] });
    expect([...hook.result.current.loading]).toEqual([3]);
    expect(hook.result.current.nowPlaying).toBe(loaded);
    blueAnswers();
    await waitFor(() => expect(hook.result.current.loading.size).toBe(0));
    expect(hook.result.current.nowPlaying.get(3)?.id).toBe(30);
    expect(hook.result.current.nowPlaying.get(1)).toBe(loaded.get(1));

    hook.rerender({ channels: [red, blue] });
    expect(hook.result.current.loading.size).toBe(0);
    expect(askedFor(backend)).toEqual(['1', '2', '3']);
  });

  it('asks again for a channel that failed when the list changes, and clears its failure', async () => {
    let greenDown = true;
    const { backend, hook } = renderNowPlaying(
      (request) => (greenDown && request.url.searchParams.get('channel_id') === '2' ? NETWORK_DOWN : latestOfEach(request)),
      [red, green],
    );
    await waitFor(() => expect([...hook.result.current.failed]).toEqual([2]));
    expect(hook.result.current.loading.size).toBe(0);

    greenDown = false;
    hook.rerender({ channels: [red, green, blue] });
    await waitFor(() => expect(hook.result.current.nowPlaying.get(2)?.id).toBe(20));
    expect(hook.result.current.failed.size).toBe(0);
    expect(askedFor(backend)).toEqual(['1', '2', '2', '3']);
  });
});
