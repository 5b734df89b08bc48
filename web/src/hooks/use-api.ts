import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { ApiClient } from '../api/client';

/** The API client every component uses; main.tsx provides the real one, tests a fake. */
export const ApiContext = createContext<ApiClient | null>(null);

export function useApi(): ApiClient {
  const api = useContext(ApiContext);
  if (api === null) throw new Error('useApi() needs an <ApiContext.Provider> above it');
  return api;
}
