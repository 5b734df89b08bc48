import { describe, expect, it } from 'vitest';
import { linksTo, PAGE_LINKS } from './routes';

describe('page links', () => {
  it.each(['/', '/?channel=2', '/#main', '/index.html', '/bookmarks', '/bookmarks/', '/bookmarks?signin_error=x'])(
    'follows %s in the app',
    (href) => expect(PAGE_LINKS.test(href)).toBe(true),
  );

  it.each(['/user/google', '/user/sign_out', '/docs/', '/openapi.json', '/history', '/bookmarksx', '/bookmarks/1', 'https://example.com/'])(
    'leaves %s to the browser',
    (href) => expect(PAGE_LINKS.test(href)).toBe(false),
  );

  it('matches one path segment for a route parameter', () => {
    const links = linksTo(['/songs/:id', '/charts']);
    expect(['/songs/12', '/songs/12?x=1', '/charts/'].map((href) => links.test(href))).toEqual([true, true, true]);
    expect(['/songs', '/songs/12/plays', '/chartsx', '/'].map((href) => links.test(href))).toEqual([false, false, false, false]);
  });
});
