// "Tell me when it plays again" in the browser (issue 15, points 6 and 7): a signed-in listener
// watches a song from its bell, finds the watch on /watches, hears about the next airing live
// (a toast and a badge, over the history stream that carries the session cookie), reads it in
// the private Atom feed without any cookie, and removes the watch. Web Push needs a real push
// service in Chromium, so it is not driven here: the service worker's unit tests cover it.
import { request as playwrightRequest, type Page } from '@playwright/test';

import { expect, test } from './fixtures';
import { expectNoSeriousAccessibilityViolation, tabTo } from './lib/accessibility';
import { navLink, openApp, rowWithTitle } from './lib/app';
import { environment } from './lib/environment';
import { screenshotAtBothWidths } from './lib/screenshots';
import { freshTitle, playOnStation } from './lib/stations';

function watchList(page: Page) {
  return page.getByRole('list', { name: 'Your watches, newest first' });
}

/** The toast a live match brings: "<song> is on <channel> now", a link to the song. */
function matchToast(page: Page, title: string, channel: string) {
  return page.locator('.toast-container').getByRole('link', { name: `${title} is on ${channel} now` });
}

test('a watch made from the bell is listed, its next airing arrives live as a toast and a badge and in the private feed; then it is removed', async ({
  page,
  signedIn,
}) => {
  void signedIn;
  // Two airings recorded by the crawler, two axe scans and four screenshots: more than one scenario's usual minute.
  test.slow();
  const channel = environment.channelNames[0]!;
  const watched = freshTitle(channel);
  await playOnStation(channel, watched);
  const row = rowWithTitle(page, watched);
  await expect(row).toHaveCount(1);

  // The bell in the song's row, by keyboard: pressed once the watch exists.
  const bell = row.getByRole('button', { name: `Notify me about ${watched}` });
  await expect(bell).toHaveAttribute('aria-pressed', 'false');
  await bell.focus();
  await page.keyboard.press('Enter');
  await expect(bell).toHaveAttribute('aria-pressed', 'true');

  // /watches lists it, with its private feed.
  await navLink(page, 'Watches').click();
  await expect(page).toHaveURL(/\/watches$/);
  const entry = watchList(page).getByRole('listitem').filter({ hasText: watched });
  await expect(entry).toHaveCount(1);
  await expect(entry.locator('.watch-kind')).toHaveText('Song');
  await expect(entry.locator('.watch-channel')).toHaveText('Any channel');
  await expect(entry.getByRole('link', { name: watched })).toHaveAttribute('href', /^\/songs\/\d+$/);
  const feedUrl = await page.getByRole('textbox', { name: 'Your feed’s address' }).inputValue();
  expect(feedUrl).toMatch(new RegExp(`^${environment.appUrl}/feeds/watches/[^/]+\\.atom$`));
  await expectNoSeriousAccessibilityViolation(page);
  await screenshotAtBothWidths(page, 'watches');

  // Removal asks first; Escape backs out, by keyboard.
  const remove = entry.getByRole('button', { name: `Remove the watch: ${watched}` });
  await tabTo(page, remove);
  await page.keyboard.press('Enter');
  const confirm = page.getByRole('alertdialog', { name: 'Remove the watch' });
  await expect(confirm.getByRole('button', { name: 'Remove' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(confirm).toHaveCount(0);
  await expect(entry).toHaveCount(1);

  // The song airs again while the listener is on the history page: a toast, live, and a badge.
  await openApp(page, '/');
  const between = freshTitle(channel);
  await playOnStation(channel, between);
  await expect(rowWithTitle(page, between)).toHaveCount(1);
  await playOnStation(channel, watched);
  const toast = matchToast(page, watched, channel);
  await expect(toast).toBeVisible({ timeout: 15_000 });
  await expect(toast).toHaveAttribute('href', /^\/songs\/\d+$/);
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Watches 1 new match' })).toBeVisible();
  await page.screenshot({ path: `${environment.artifacts}/watch-toast-desktop.png`, animations: 'disabled' });

  // The toast leads to the song (before it goes away by itself), the badge staying.
  await toast.click();
  await expect(page).toHaveURL(/\/songs\/\d+$/);
  await expect(page.getByRole('heading', { level: 1, name: watched })).toBeVisible();
  await expectNoSeriousAccessibilityViolation(page);

  // The private feed answers Atom with that airing, with no cookie at all.
  const anonymous = await playwrightRequest.newContext();
  try {
    const feed = await anonymous.get(feedUrl);
    expect(feed.status()).toBe(200);
    expect(feed.headers()['content-type']).toMatch(/^application\/atom\+xml/);
    const xml = await feed.text();
    expect(xml).toContain('<feed xmlns="http://www.w3.org/2005/Atom"');
    expect(xml.split('<entry>').length - 1, 'one entry: the airing after the watch was made').toBe(1);
    expect(xml).toContain(watched.replace(/&/g, '&amp;'));
  } finally {
    await anonymous.dispose();
  }

  // Visiting /watches clears the badge.
  await navLink(page, 'Watches 1 new match').click();
  await expect(navLink(page, 'Watches')).toBeVisible();

  // Removed after confirming: the list is empty and the bell released.
  await entry.getByRole('button', { name: `Remove the watch: ${watched}` }).click();
  await page.getByRole('alertdialog', { name: 'Remove the watch' }).getByRole('button', { name: 'Remove' }).click();
  await expect(page.getByText('You watch nothing yet.')).toBeVisible();
  await openApp(page, '/');
  await expect(
    rowWithTitle(page, watched)
      .first()
      .getByRole('button', { name: `Notify me about ${watched}` }),
  ).toHaveAttribute('aria-pressed', 'false');
});

test('the service worker is served at the site root as JavaScript, and the page may register it', async ({ page }) => {
  await openApp(page, '/');
  const answer = await page.request.get('/sw.js');
  expect(answer.status()).toBe(200);
  expect(answer.headers()['content-type']).toMatch(/^text\/javascript/);
  expect(await answer.text()).toContain('showNotification');
  const scope = await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.register('/sw.js');
    await navigator.serviceWorker.ready;
    return registration.scope;
  });
  expect(scope).toBe(`${environment.appUrl}/`);
});
