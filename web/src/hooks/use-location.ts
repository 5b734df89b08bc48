import { createContext } from 'preact';
import { useCallback, useContext, useEffect, useMemo, useState } from 'preact/hooks';

// A small router: the path and query of the page, and navigation through the
// History API, so links and the channel filter work with Back and Forward.

export interface AppLocation {
  path: string;
  query: URLSearchParams;
  /** Goes to `url` (path + query) without reloading; `replace` leaves no history entry. */
  navigate(url: string, options?: { replace?: boolean }): void;
}

export const LocationContext = createContext<AppLocation | null>(null);

export function useLocation(): AppLocation {
  const location = useContext(LocationContext);
  if (location === null) throw new Error('useLocation() needs a <LocationContext.Provider> above it');
  return location;
}

function currentUrl(): string {
  return `${window.location.pathname}${window.location.search}`;
}

/** The browser's location as state, for the provider in app.tsx. */
export function useBrowserLocation(): AppLocation {
  const [url, setUrl] = useState(currentUrl);

  useEffect(() => {
    const onPopState = () => setUrl(currentUrl());
    window.addEventListener('popstate', onPopState);
    return () => window.removeEventListener('popstate', onPopState);
  }, []);

  const navigate = useCallback((target: string, options: { replace?: boolean } = {}) => {
    if (options.replace) window.history.replaceState(window.history.state, '', target);
    else window.history.pushState(null, '', target);
    setUrl(currentUrl());
  }, []);

  return useMemo(() => {
    const parsed = new URL(url, window.location.origin);
    return { path: parsed.pathname, query: parsed.searchParams, navigate };
  }, [url, navigate]);
}
