import { useCallback, useEffect, useState } from 'preact/hooks';
import { isAbort } from '../api/client';
import { NotFoundError } from '../api/errors';
import { useToasts } from './use-toasts';

/** Loads one value for a page: idle = nothing to load; missing = the API said 404. */
export type ResourceState<T> =
  { status: 'idle' } | { status: 'loading' } | { status: 'missing' } | { status: 'error'; error: unknown } | { status: 'ready'; value: T };

/** Fetches `load`'s value whenever `load` changes (pass a memoized one; null = nothing to load), and on retry. */
export function useResource<T>(load: ((signal: AbortSignal) => Promise<T>) | null): { state: ResourceState<T>; retry: () => void } {
  const toasts = useToasts();
  const [state, setState] = useState<ResourceState<T>>(load === null ? { status: 'idle' } : { status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (load === null) {
      setState({ status: 'idle' });
      return;
    }
    const abort = new AbortController();
    setState({ status: 'loading' });
    load(abort.signal)
      .then((value) => {
        if (!abort.signal.aborted) setState({ status: 'ready', value });
      })
      .catch((error: unknown) => {
        if (abort.signal.aborted || isAbort(error)) return;
        if (error instanceof NotFoundError) {
          setState({ status: 'missing' });
          return;
        }
        setState({ status: 'error', error });
        toasts.showError(error);
      });
    return () => abort.abort();
  }, [load, attempt, toasts]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { state, retry };
}
