// The history page, as a visitor who is not signed in sees it: the channels and what they play,
// the history, live updates, the channel filter and older pages.
import type { Page } from '@playwright/test';

import { expect, test } from './fixtures';
import {
  SIGN_IN_TO_BOOKMARK,
  channelFilter,
  filterButton,
  historyRows,
  liveStatus,
  moreButton,
  navLink,
  nowPlayingCard,
  openApp,
  readHistoryRows,
  signInLink,
} from './lib/app';
import { environment } from './lib/environment';
import { PHONE } from './lib/screenshots';
import { freshTitle, playOnStation, titleOnStation } from './lib/stations';

const PAGE_SIZE = 50;
const channels = environment.channelNames;

async function channelIdOf(page: Page, name: string): Promise<number> {
  return Number(await nowPlayingCard(page, name).getAttribute('data-channel-id'));
}

async function openLive(page: Page, path = '/'): Promise<void> {
  await openApp(page, path);
  await expect(liveStatus(page)).toHaveText('Live');
}

/** The top row, as far as a live update decides it. */
async function topRow(page: Page) {
  const [top] = await readHistoryRows(page);
  return top && { title: top.title, channel: top.channel, live: top.live };
}

test('the page shows the channels, what each plays now, and the history', async ({ page }) => {
  await openApp(page, '/');

  await expect(channelFilter(page).getByRole('button')).toHaveText(['All', ...channels]);
  await expect(filterButton(page, 'All')).toHaveAttribute('aria-pressed', 'true');
  for (const name of channels) {
    await expect(nowPlayingCard(page, name).locator('.song-title')).toHaveText(await titleOnStation(name));
  }

  await expect(historyRows(page)).toHaveCount(PAGE_SIZE);
  const rows = await readHistoryRows(page);
  for (const row of rows) {
    expect(channels, `row ${row.id} (${row.title}) names its channel`).toContain(row.channel);
    expect(row.title).not.toBe('');
  }
  const ids = rows.map((row) => row.id);
  expect(ids, 'newest first').toEqual([...ids].sort((a, b) => b - a));
  await expect(liveStatus(page)).toHaveText('Live');
  await expect(signInLink(page)).toHaveCount(1);
});

test('a song that starts on a station appears at once on its card and atop the history', async ({ page }) => {
  await openLive(page);
  // Survives only if the page is never reloaded.
  await page.evaluate(() => Object.assign(window, { e2eSamePage: true }));
  const [station] = channels;
  const title = freshTitle(station);

  await playOnStation(station, title);

  await expect.poll(() => topRow(page)).toEqual({ title, channel: station, live: true });
  await expect(nowPlayingCard(page, station).locator('.song-title')).toHaveText(title);
  expect(await page.evaluate(() => 'e2eSamePage' in window), 'the page was reloaded').toBe(true);
});

async function expectFilteredTo(page: Page, name: string): Promise<void> {
  await expect(filterButton(page, name)).toHaveAttribute('aria-pressed', 'true');
  await expect(filterButton(page, 'All')).toHaveAttribute('aria-pressed', 'false');
  await expect(page.getByRole('heading', { name: `History of ${name}` })).toHaveCount(1);
  await expect
    .poll(async () => {
      const rows = await readHistoryRows(page);
      return { enough: rows.length > environment.seededPerChannel, channels: [...new Set(rows.map((row) => row.channel))] };
    })
    .toEqual({ enough: true, channels: [name] });
}

test('filtering by a channel shows only its songs, and the address keeps the filter', async ({ page }) => {
  const [other, chosen] = channels;
  await openLive(page);
  const chosenId = await channelIdOf(page, chosen);

  await filterButton(page, chosen).click();

  await page.waitForURL((url) => url.pathname === '/' && url.search === `?channel=${chosenId}`);
  await expectFilteredTo(page, chosen);

  // Live items of other channels stay out of the list; the chosen channel's come in on top.
  const elsewhere = freshTitle(other);
  await playOnStation(other, elsewhere);
  await expect(nowPlayingCard(page, other).locator('.song-title')).toHaveText(elsewhere);
  const here = freshTitle(chosen);
  await playOnStation(chosen, here);
  await expect.poll(() => topRow(page)).toEqual({ title: here, channel: chosen, live: true });
  const titles = (await readHistoryRows(page)).map((row) => row.title);
  expect(titles, `${elsewhere} (on ${other}) is listed under ${chosen}`).not.toContain(elsewhere);
  await expectFilteredTo(page, chosen);

  await page.reload();
  expect(new URL(page.url()).search).toBe(`?channel=${chosenId}`);
  await expectFilteredTo(page, chosen);

  await page.goBack();
  await page.waitForURL((url) => url.pathname === '/' && url.search === '');
  await expect(filterButton(page, 'All')).toHaveAttribute('aria-pressed', 'true');
  await expect.poll(async () => [...new Set((await readHistoryRows(page)).map((row) => row.channel))].sort()).toEqual([...channels].sort());
});

test('"More" loads older songs, none twice and none missing, until the history ends', async ({ page }) => {
  await openApp(page, '/');
  await expect(historyRows(page)).toHaveCount(PAGE_SIZE);

  let pages = 1;
  while ((await moreButton(page).count()) > 0) {
    const before = await historyRows(page).count();
    await moreButton(page).click();
    await expect.poll(() => historyRows(page).count(), { message: 'no older songs came' }).toBeGreaterThan(before);
    pages += 1;
    expect(pages, 'the "More" button never went away').toBeLessThan(20);
  }
  await expect(page.getByText('That is all the history there is.')).toHaveCount(1);

  const rows = await readHistoryRows(page);
  const ids = rows.map((row) => row.id);
  expect(new Set(ids).size, 'some rows are shown twice').toBe(ids.length);
  expect(ids, 'newest first').toEqual([...ids].sort((a, b) => b - a));
  expect(pages, `pages for ${rows.length} rows`).toBeGreaterThanOrEqual(3);
  // Every seeded song is there exactly once, the oldest last.
  const titles = rows.map((row) => row.title);
  for (const name of channels) {
    for (let number = 1; number <= environment.seededPerChannel; number += 1) {
      const seeded = `${name.charAt(0).toUpperCase()}${name.slice(1)} Seed Artist - Track ${String(number).padStart(3, '0')}`;
      expect(
        titles.filter((title) => title === seeded),
        `${seeded} listed exactly once`,
      ).toHaveLength(1);
    }
  }
  // (The catalog's songs, seeded days back for the search and chart scenarios, come after them.)
  expect(titles.filter((title) => title.includes(' Seed Artist - ')).at(-1)).toMatch(/Seed Artist - Track 001$/);
});

test('a visitor who is not signed in is told to sign in before bookmarking', async ({ page }) => {
  await openApp(page, '/');
  const row = historyRows(page).first();
  const title = (await row.locator('.song-title').textContent()) ?? '';
  const heart = row.getByRole('button', { name: `Bookmark ${title} (sign in to bookmark songs)` });
  await expect(heart).toHaveAttribute('aria-disabled', 'true');
  await expect(heart).toHaveAttribute('title', 'Sign in to bookmark songs');

  await heart.click({ force: true }); // aria-disabled: a person can still press it

  await expect(heart).toHaveAttribute('aria-pressed', 'false');
  await expect(signInLink(page)).toHaveCount(1);
});

test.describe('on a 375 px phone', () => {
  test.use({ viewport: PHONE });

  test('the menu opens to the pages and the sign-in', async ({ page }) => {
    await openApp(page, '/');
    await expect(signInLink(page), 'the menu is open before it is asked to').toBeHidden();

    await page.getByRole('button', { name: 'Show navigation' }).click();

    await expect(signInLink(page)).toBeVisible();
    await expect(navLink(page, 'Bookmarks')).toBeVisible();
    await navLink(page, 'Bookmarks').click();
    await page.waitForURL((url) => url.pathname === '/bookmarks');
    await expect(navLink(page, 'Bookmarks'), 'the menu stayed open').toBeHidden();
    await expect(page.getByText(SIGN_IN_TO_BOOKMARK)).toHaveCount(1);
  });
});
