import type { ResourceState } from '../../hooks/use-resource';
import { ErrorAlert } from '../ErrorAlert/ErrorAlert';
import { LoadingBlock } from '../Spinner/Spinner';

/**
 * What a section shows until its resource is ready: a spinner while it loads, an alert with
 * "Try again" once it failed (a 404 too: pages that have a not-found view check for it first).
 */
export function ResourceStatus<T>({
  state,
  retry,
  loading,
  failed,
}: {
  state: ResourceState<T>;
  retry: () => void;
  loading: string;
  failed: string;
}) {
  if (state.status === 'loading' || state.status === 'idle') return <LoadingBlock label={loading} />;
  if (state.status === 'error' || state.status === 'missing') return <ErrorAlert message={failed} onRetry={retry} />;
  return null;
}
