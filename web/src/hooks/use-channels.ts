import { useCallback, useEffect, useState } from 'preact/hooks';
import { isAbort } from '../api/client';
import type { Channel } from '../api/types';
import { useApi } from './use-api';
import { useToasts } from './use-toasts';

export type ChannelsState = { status: 'loading' } | { status: 'error' } | { status: 'ready'; channels: Channel[] };

export function useChannels(): { state: ChannelsState; retry: () => void } {
  const api = useApi();
  const toasts = useToasts();
  const [state, setState] = useState<ChannelsState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const abort = new AbortController();
    setState({ status: 'loading' });
    api
      .getChannels(abort.signal)
      .then((channels) => setState({ status: 'ready', channels: [...channels].sort((a, b) => a.id - b.id) }))
      .catch((error: unknown) => {
        if (isAbort(error)) return;
        setState({ status: 'error' });
        toasts.showError(error);
      });
    return () => abort.abort();
  }, [api, toasts, attempt]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { state, retry };
}
