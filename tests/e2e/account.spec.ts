// A visitor with an account: signing in at the identity provider, bookmarking songs from the
// history, the bookmarks page, removing a bookmark there, signing out. Screenshots of both pages.
// Every scenario but the first signs in (the `signedIn` fixture) as an account of its own, so
// what it finds bookmarked is what it bookmarked itself.
import type { Page } from '@playwright/test';

import { expect, signIn, test } from './fixtures';
import {
  type HistoryRow,
  SIGN_IN_TO_BOOKMARK,
  bookmarkList,
  bookmarkTitles,
  header,
  navLink,
  nowPlayingCard,
  openApp,
  rowWithTitle,
  signInLink,
  signOutLink,
} from './lib/app';
import { bookmarkNewestSongs, expectHeart } from './lib/bookmarks';
import { defaultAccount, environment } from './lib/environment';
import { screenshotAtBothWidths } from './lib/screenshots';

async function sessionCookie(page: Page) {
  const cookies = await page.context().cookies(environment.appUrl);
  return cookies.find((cookie) => cookie.name === 'nicecream_history_session');
}

/** The titles the bookmarks page shows for songs bookmarked in `order`: the last one first. */
function newestFirst(order: HistoryRow[]): string[] {
  return order.map((song) => song.title).reverse();
}

test('signing in at the identity provider brings the visitor back, named in the header', async ({ page }) => {
  await signIn(page, defaultAccount);

  await expect(signInLink(page)).toHaveCount(0);
  // The picture, or its stand-in (the initial) when the picture cannot be shown.
  const avatar = header(page).locator('.avatar');
  await expect(avatar).toBeVisible();
  if ((await avatar.evaluate((element) => element.tagName)) !== 'IMG') {
    await expect(avatar).toHaveText(defaultAccount.initial);
  }
  await expect(page.getByRole('alert'), 'a sign-in error is shown').toHaveCount(0);
  // The page's scripts see the CSRF token they must send back, never the session.
  const readable = await page.evaluate(() => document.cookie);
  expect(readable).toMatch(/(^|; )nicecream_history_csrf=[^;]+/);
  expect(readable).not.toMatch(/nicecream_history_session/);
  expect(await sessionCookie(page), 'no session cookie').toBeTruthy();
});

test('bookmarking songs from the history fills their hearts, for good', async ({ page, signedIn: _ }) => {
  const chosen = await bookmarkNewestSongs(page, 3);

  // The newest song is also on its channel's card, whose heart follows.
  const [newest] = chosen;
  const cardHeart = nowPlayingCard(page, newest.channel).getByRole('button', { name: `Remove bookmark: ${newest.title}` });
  await expect(cardHeart).toHaveAttribute('aria-pressed', 'true');

  await page.reload();
  for (const { title } of chosen) await expectHeart(page, title, true);
  await screenshotAtBothWidths(page, 'history');
});

test('the bookmarks page lists the bookmarked songs, newest first', async ({ page, signedIn: _ }) => {
  const bookmarked = await bookmarkNewestSongs(page, 3);

  await navLink(page, 'Bookmarks').click();

  await page.waitForURL((url) => url.pathname === '/bookmarks');
  await expect(bookmarkTitles(page)).toHaveText(newestFirst(bookmarked));
  await expect(bookmarkList(page).getByText(/^Saved /)).toHaveCount(bookmarked.length);
  await screenshotAtBothWidths(page, 'bookmarks');
});

test('a bookmark removed on the bookmarks page is gone there and on the history', async ({ page, signedIn: _ }) => {
  const [removed, ...kept] = await bookmarkNewestSongs(page, 3);
  await openApp(page, '/bookmarks');
  await expect(bookmarkTitles(page)).toHaveCount(3);

  await bookmarkList(page)
    .getByRole('button', { name: `Remove bookmark: ${removed.title}` })
    .click();

  await expect(bookmarkTitles(page)).toHaveText(newestFirst(kept));
  await page.reload();
  await expect(bookmarkTitles(page)).toHaveText(newestFirst(kept));

  await navLink(page, 'History').click();
  await expectHeart(page, removed.title, false);
  for (const { title } of kept) await expectHeart(page, title, true);
});

test('signing out leaves the header with "Sign in" again', async ({ page, signedIn }) => {
  const [song] = await bookmarkNewestSongs(page, 1);

  await signOutLink(page).click();

  await page.waitForURL((url) => url.origin === environment.appUrl && url.pathname === '/');
  await expect(signInLink(page)).toHaveCount(1);
  await expect(signOutLink(page)).toHaveCount(0);
  await expect(header(page).getByText(signedIn.name)).toHaveCount(0);
  expect(await sessionCookie(page), 'the session cookie outlived the sign-out').toBeUndefined();
  // The server forgot the session, too: hearts are inert, and bookmarks ask to sign in.
  const heart = rowWithTitle(page, song.title).getByRole('button', {
    name: `Bookmark ${song.title} (sign in to bookmark songs)`,
  });
  await expect(heart).toHaveAttribute('aria-pressed', 'false');
  await navLink(page, 'Bookmarks').click();
  await expect(page.getByText(SIGN_IN_TO_BOOKMARK)).toHaveCount(1);
  await expect(bookmarkList(page)).toHaveCount(0);
});
