import { describe, expect, it } from 'vitest';
import { PAGE_LINKS } from './routes';

describe('page links', () => {
  it.each(['/', '/?channel=2', '/#main', '/index.html', '/bookmarks', '/bookmarks/', '/bookmarks?signin_error=x'])(
    'follows %s in the app',
    (href) => expect(PAGE_LINKS.test(href)).toBe(true),
  );

  it.each(['/user/google', '/user/sign_out', '/docs/', '/openapi.json', '/history', '/bookmarksx', '/bookmarks/1', 'https://example.com/'])(
    'leaves %s to the browser',
    (href) => expect(PAGE_LINKS.test(href)).toBe(false),
  );
});
