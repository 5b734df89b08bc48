import { useCallback, useEffect, useState } from 'preact/hooks';
import { useLocation } from './use-location';

export const SIGNIN_ERROR_PARAM = 'signin_error';

/**
 * The `?signin_error=<code>` the server adds when sign-in failed: taken once,
 * then removed from the URL so a reload or a shared link does not show it again.
 */
export function useSigninError(): [code: string | null, dismiss: () => void] {
  const { path, query, navigate } = useLocation();
  const [code, setCode] = useState<string | null>(null);
  const found = query.get(SIGNIN_ERROR_PARAM);

  useEffect(() => {
    if (found === null) return;
    setCode(found || 'unknown');
    const rest = new URLSearchParams(query);
    rest.delete(SIGNIN_ERROR_PARAM);
    const search = rest.toString();
    navigate(`${path}${search ? `?${search}` : ''}${window.location.hash}`, { replace: true });
  }, [found, path, query, navigate]);

  const dismiss = useCallback(() => setCode(null), []);
  return [code, dismiss];
}
