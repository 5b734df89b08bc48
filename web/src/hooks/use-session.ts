import { createContext } from 'preact';
import { useContext, useEffect, useState } from 'preact/hooks';
import type { ApiClient } from '../api/client';
import type { User } from '../api/types';

export type Session = { status: 'loading' } | { status: 'signed-out' } | { status: 'signed-in'; user: User };

export const SessionContext = createContext<Session>({ status: 'loading' });

export function useSession(): Session {
  return useContext(SessionContext);
}

/**
 * Asks the API who is signed in, once. Any failure (401, a 503 while the
 * identity provider is not configured, no network) counts as signed out:
 * the app stays usable without an account.
 */
export function useSessionState(api: ApiClient): Session {
  const [session, setSession] = useState<Session>({ status: 'loading' });

  useEffect(() => {
    const abort = new AbortController();
    api
      .getCurrentUser(abort.signal)
      .then((user) => {
        if (!abort.signal.aborted) setSession(user ? { status: 'signed-in', user } : { status: 'signed-out' });
      })
      .catch(() => {
        if (!abort.signal.aborted) setSession({ status: 'signed-out' });
      });
    return () => abort.abort();
  }, [api]);

  return session;
}
