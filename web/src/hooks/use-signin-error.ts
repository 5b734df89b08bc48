import { useLocation } from 'preact-iso';
import { useCallback, useEffect, useState } from 'preact/hooks';

export const SIGNIN_ERROR_PARAM = 'signin_error';

/**
 * The `?signin_error=<code>` the server adds when sign-in failed: taken once,
 * then removed from the URL so a reload or a shared link does not show it again.
 */
export function useSigninError(): [code: string | null, dismiss: () => void] {
  const { url, route } = useLocation();
  const [code, setCode] = useState<string | null>(null);

  useEffect(() => {
    const shown = new URL(url, window.location.origin);
    const found = shown.searchParams.get(SIGNIN_ERROR_PARAM);
    if (found === null) return;
    setCode(found || 'unknown');
    shown.searchParams.delete(SIGNIN_ERROR_PARAM);
    route(`${shown.pathname}${shown.search}${window.location.hash}`, true);
  }, [url, route]);

  const dismiss = useCallback(() => setCode(null), []);
  return [code, dismiss];
}
