import { useCallback, useEffect, useState } from 'preact/hooks';
import { isAbort } from '../../api/client';
import type { Channel } from '../../api/types';
import { useApi } from '../../hooks/use-api';

export type AdminChannelsState = { status: 'idle' | 'loading' | 'error' } | { status: 'ready'; channels: Channel[] };

export interface AdminChannels {
  state: AdminChannelsState;
  /** Loads the list again (with the statuses as they are now). */
  reload: () => void;
  /** Puts a channel the server answered with in the list, new or changed. */
  put: (channel: Channel) => void;
  remove: (channelId: number) => void;
}

/** The channels as the admin page shows them, changed in place by the admin's own edits; `enabled` false loads nothing. */
export function useAdminChannels(enabled: boolean): AdminChannels {
  const api = useApi();
  const [state, setState] = useState<AdminChannelsState>({ status: enabled ? 'loading' : 'idle' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (!enabled) return;
    const abort = new AbortController();
    setState((current) => (current.status === 'ready' ? current : { status: 'loading' }));
    api
      .getChannels(abort.signal)
      .then((channels) => setState({ status: 'ready', channels: [...channels].sort((a, b) => a.id - b.id) }))
      .catch((error: unknown) => {
        if (!isAbort(error)) setState({ status: 'error' });
      });
    return () => abort.abort();
  }, [api, enabled, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  const put = useCallback(
    (channel: Channel) =>
      setState((current) => {
        if (current.status !== 'ready') return current;
        const others = current.channels.filter((shown) => shown.id !== channel.id);
        return { status: 'ready', channels: [...others, channel].sort((a, b) => a.id - b.id) };
      }),
    [],
  );
  const remove = useCallback(
    (channelId: number) =>
      setState((current) =>
        current.status === 'ready' ? { status: 'ready', channels: current.channels.filter((shown) => shown.id !== channelId) } : current,
      ),
    [],
  );
  return { state, reload, put, remove };
}
