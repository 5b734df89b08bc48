/** The readable cookie in which the server puts the CSRF token (double submit). */
export const CSRF_COOKIE = 'nicecream_history_csrf';
export const CSRF_HEADER = 'X-Csrf-Token';

/** The value of cookie `name` in a `document.cookie` string, or null. */
export function readCookie(cookieString: string, name: string): string | null {
  for (const pair of cookieString.split(';')) {
    const separator = pair.indexOf('=');
    if (separator < 0) continue;
    if (pair.slice(0, separator).trim() !== name) continue;
    const raw = pair.slice(separator + 1).trim();
    const unquoted = raw.startsWith('"') && raw.endsWith('"') && raw.length >= 2 ? raw.slice(1, -1) : raw;
    try {
      return decodeURIComponent(unquoted);
    } catch {
      return unquoted; // not percent-encoded after all: use it as sent
    }
  }
  return null;
}
