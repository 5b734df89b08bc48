import { useCallback, useEffect, useState } from 'preact/hooks';
import { isAbort } from '../api/client';
import type { Channel } from '../api/types';
import { useApi } from './use-api';
import { useToasts } from './use-toasts';

export type ChannelsState = { status: 'loading' } | { status: 'error' } | { status: 'ready'; channels: Channel[] };

export interface Channels {
  state: ChannelsState;
  retry: () => void;
  /** Drops a channel an admin removed from the loaded list. */
  remove: (id: number) => void;
  /** Takes a channel an admin added into the loaded list, in id order; one already listed stays as it is. */
  add: (channel: Channel) => void;
}

function byId(a: Channel, b: Channel): number {
  return a.id - b.id;
}

export function useChannels(): Channels {
  const api = useApi();
  const toasts = useToasts();
  const [state, setState] = useState<ChannelsState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const abort = new AbortController();
    setState({ status: 'loading' });
    api
      .getChannels(abort.signal)
      .then((channels) => setState({ status: 'ready', channels: [...channels].sort(byId) }))
      .catch((error: unknown) => {
        if (isAbort(error)) return;
        setState({ status: 'error' });
        toasts.showError(error);
      });
    return () => abort.abort();
  }, [api, toasts, attempt]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  // Unchanged state is handed back as it is: a new list would make the page load every channel's now playing again.
  const remove = useCallback(
    (id: number) =>
      setState((current) =>
        current.status === 'ready' && current.channels.some((channel) => channel.id === id)
          ? { status: 'ready', channels: current.channels.filter((channel) => channel.id !== id) }
          : current,
      ),
    [],
  );
  const add = useCallback(
    (channel: Channel) =>
      setState((current) =>
        current.status === 'ready' && !current.channels.some((listed) => listed.id === channel.id)
          ? { status: 'ready', channels: [...current.channels, channel].sort(byId) }
          : current,
      ),
    [],
  );
  return { state, retry, remove, add };
}
