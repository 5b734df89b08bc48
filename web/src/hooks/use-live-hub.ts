import { createContext } from 'preact';
import { useContext, useMemo } from 'preact/hooks';
import { createLiveHub, type LiveHub } from '../history/live-hub';
import { useApi } from './use-api';

/** The app's one live history stream (app.tsx provides it); without a provider each user gets a stream of its own. */
export const LiveHubContext = createContext<LiveHub | null>(null);

export function useLiveHub(): LiveHub {
  const shared = useContext(LiveHubContext);
  const api = useApi();
  return useMemo(() => shared ?? createLiveHub((lastEventId) => api.openHistoryEvents(lastEventId)), [shared, api]);
}
