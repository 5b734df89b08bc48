// A visitor with an account: signing in at the identity provider, bookmarking songs from the
// history, the bookmarks page, removing a bookmark there, signing out. Screenshots of both pages.
import assert from 'node:assert/strict';

import {
  bookmarkButtonInRow,
  bookmarkList,
  header,
  historyRows,
  navLink,
  nowPlayingCard,
  openApp,
  readHistoryRows,
  signInLink,
  signOutLink,
} from './lib/app.mjs';
import { account, environment } from './lib/environment.mjs';
import { eventually } from './lib/eventually.mjs';
import { screenshotAtBothWidths } from './lib/screenshots.mjs';
import { browserSuite } from './lib/suite.mjs';

const suite = browserSuite();
/** The songs bookmarked, in the order they were bookmarked: [{ title, channel }]. */
const bookmarked = [];

/** The scenarios build on each other: say so, rather than pass on nothing. */
function assertBookmarkedBefore(count) {
  assert.equal(bookmarked.length, count, 'the songs were not bookmarked in the scenario before');
}

async function sessionCookie(page) {
  const cookies = await page.context().cookies(environment.appUrl);
  return cookies.find((cookie) => cookie.name === 'nicecream_history_session');
}

function rowWithTitle(page, title) {
  return historyRows(page).filter({ has: page.locator('.song-title', { hasText: title }) });
}

async function assertHeart(page, title, pressed) {
  await eventually(async () => {
    const heart = bookmarkButtonInRow(rowWithTitle(page, title), title);
    assert.equal(await heart.getAttribute('aria-pressed'), String(pressed), `heart of ${title}`);
    assert.equal(await heart.getAttribute('aria-label'), pressed ? `Remove bookmark: ${title}` : `Bookmark ${title}`);
  });
}

suite.scenario('signing in at the identity provider brings the visitor back, named in the header', async (page) => {
  await openApp(page, '/');

  await signInLink(page).click();

  await page.waitForURL((url) => url.origin === environment.issuer && url.pathname.startsWith('/interaction/'));
  await page.getByPlaceholder('Enter any login').fill(account.login);
  await page.getByPlaceholder('and any password').fill(account.password);
  await page.getByRole('button', { name: 'Sign-in' }).click();

  await page.waitForURL((url) => url.origin === environment.appUrl && url.pathname === '/');
  await eventually(async () => {
    assert.equal(await header(page).getByText(account.name, { exact: true }).count(), 1);
    assert.equal(await signOutLink(page).count(), 1);
    assert.equal(await signInLink(page).count(), 0);
  });
  // The picture, or its stand-in (the initial) when the picture cannot be shown.
  const avatar = header(page).locator('.avatar');
  assert.equal(await avatar.count(), 1);
  assert.ok(await avatar.isVisible());
  if ((await avatar.evaluate((element) => element.tagName)) !== 'IMG') {
    assert.equal(await avatar.textContent(), account.initial);
  }
  assert.equal(await page.getByRole('alert').count(), 0, 'a sign-in error is shown');
  // The page's scripts see the CSRF token they must send back, never the session.
  const readable = await page.evaluate(() => document.cookie);
  assert.match(readable, /(^|; )nicecream_history_csrf=[^;]+/);
  assert.doesNotMatch(readable, /nicecream_history_session/);
  assert.ok(await sessionCookie(page), 'no session cookie');
});

suite.scenario('bookmarking songs from the history fills their hearts, for good', async (page) => {
  await openApp(page, '/');
  await eventually(async () => assert.ok((await historyRows(page).count()) >= 3));
  const chosen = (await readHistoryRows(page)).slice(0, 3);

  for (const song of chosen) {
    await assertHeart(page, song.title, false);
    await bookmarkButtonInRow(rowWithTitle(page, song.title), song.title).click();
    await assertHeart(page, song.title, true);
    bookmarked.push(song);
  }
  // The newest song is also on its channel's card, whose heart follows.
  const newest = chosen[0];
  const cardHeart = nowPlayingCard(page, newest.channel).getByRole('button', { name: `Remove bookmark: ${newest.title}` });
  assert.equal(await cardHeart.getAttribute('aria-pressed'), 'true');

  await page.reload();
  for (const { title } of chosen) await assertHeart(page, title, true);
  await screenshotAtBothWidths(page, 'history');
});

suite.scenario('the bookmarks page lists the bookmarked songs, newest first', async (page) => {
  assertBookmarkedBefore(3);
  await openApp(page, '/');
  await navLink(page, 'Bookmarks').click();

  await page.waitForURL((url) => url.pathname === '/bookmarks');
  await eventually(async () => {
    const titles = await bookmarkList(page).locator('.song-title').allTextContents();
    assert.deepEqual(titles, bookmarked.map((song) => song.title).reverse());
  });
  assert.equal(await bookmarkList(page).getByText(/^Saved /).count(), bookmarked.length);
  await screenshotAtBothWidths(page, 'bookmarks');
});

suite.scenario('a bookmark removed on the bookmarks page is gone there and on the history', async (page) => {
  assertBookmarkedBefore(3);
  await openApp(page, '/bookmarks');
  const [removed, ...kept] = bookmarked;
  await bookmarkList(page).waitFor();

  await bookmarkList(page).getByRole('button', { name: `Remove bookmark: ${removed.title}` }).click();

  const expected = kept.map((song) => song.title).reverse();
  await eventually(async () => {
    assert.deepEqual(await bookmarkList(page).locator('.song-title').allTextContents(), expected);
  });
  await page.reload();
  await eventually(async () => {
    assert.deepEqual(await bookmarkList(page).locator('.song-title').allTextContents(), expected);
  });

  await navLink(page, 'History').click();
  await assertHeart(page, removed.title, false);
  for (const { title } of kept) await assertHeart(page, title, true);
});

suite.scenario('signing out leaves the header with "Sign in" again', async (page) => {
  await openApp(page, '/');
  await eventually(async () => assert.equal(await signOutLink(page).count(), 1));

  await signOutLink(page).click();

  await page.waitForURL((url) => url.origin === environment.appUrl && url.pathname === '/');
  await eventually(async () => {
    assert.equal(await signInLink(page).count(), 1);
    assert.equal(await signOutLink(page).count(), 0);
    assert.equal(await header(page).getByText(account.name).count(), 0);
  });
  assert.equal(await sessionCookie(page), undefined, 'the session cookie outlived the sign-out');
  // The server forgot the session, too: hearts are inert, and bookmarks ask to sign in.
  assertBookmarkedBefore(3);
  const { title } = bookmarked.at(-1);
  await eventually(async () => {
    const heart = rowWithTitle(page, title).getByRole('button', { name: `Bookmark ${title} (sign in to bookmark songs)` });
    assert.equal(await heart.getAttribute('aria-pressed'), 'false');
  });
  await navLink(page, 'Bookmarks').click();
  await eventually(async () => {
    assert.equal(await page.getByText('Sign in to keep the songs you like and find them here later.').count(), 1);
  });
  assert.equal(await bookmarkList(page).count(), 0);
});
