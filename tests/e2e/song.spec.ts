// A listener on a song's page (facts, when it plays, every airing) and on its artist's page.
import type { Page } from '@playwright/test';

import { expect, test } from './fixtures';
import { openApp } from './lib/app';
import {
  HOPPIPOLLA,
  HOPPIPOLLA_PLAYS,
  SIGUR_ROS,
  SIGUR_ROS_PLAYS,
  SIGUR_ROS_TRACKS,
  artistAirings,
  dailyChart,
  heatMap,
  songAirings,
  songMatches,
  titlesIn,
} from './lib/catalog';
import { screenshotAtBothWidths } from './lib/screenshots';

async function openHoppipolla(page: Page): Promise<void> {
  await openApp(page, '/search?q=hoppipolla');
  await songMatches(page).getByRole('link', { name: HOPPIPOLLA }).click();
  await expect(page.getByRole('heading', { level: 1, name: HOPPIPOLLA })).toBeVisible();
}

test('a song page: plays, first and last airing, its charts in the viewer’s zone, every airing', async ({ page }) => {
  await openHoppipolla(page);
  await expect(page.locator('.song-facts')).toContainText(`Plays${HOPPIPOLLA_PLAYS}`);
  await expect(page.locator('.song-facts')).toContainText('First aired');
  await expect(page.getByText('Times in UTC (UTC+00:00).')).toBeVisible();

  // Most of its airings were at 17:07 UTC: the heat map's darkest hour is 17:00–18:00.
  await expect(heatMap(page)).toHaveAccessibleDescription(/^12 plays in all; most often on \w+ 17:00–18:00/);
  await expect(dailyChart(page).locator('rect[data-date]')).not.toHaveCount(0);
  await page.getByRole('combobox', { name: 'Period' }).selectOption('30');
  await expect(dailyChart(page)).toHaveAccessibleDescription(/^12 plays on \d+ of 30 days/);
  await page.getByText('Show as a table').click();
  await expect(
    page.getByRole('table', {
      name: /Plays by weekday \(rows\) and hour \(columns\)/,
    }),
  ).toBeVisible();

  await expect(songAirings(page).locator(':scope > li')).toHaveCount(HOPPIPOLLA_PLAYS);
  expect(new Set(await titlesIn(songAirings(page)))).toEqual(new Set([HOPPIPOLLA]));
  await expect(page.getByText('That is every airing.')).toBeVisible();
  await expect(
    page
      .getByRole('link', {
        name: `Search YouTube for ${HOPPIPOLLA} (opens in a new tab)`,
      })
      .first(),
  ).toBeVisible();
  await expect(page.getByRole('button', { name: new RegExp(`^Bookmark ${HOPPIPOLLA}`) }).first()).toBeVisible();
  await screenshotAtBothWidths(page, 'song');
});

test('a signed-in listener bookmarks a song from its page', async ({ page, signedIn: _ }) => {
  await openHoppipolla(page);
  const heart = page.getByRole('button', { name: `Bookmark ${HOPPIPOLLA}`, exact: true }).first();
  await heart.click();
  await expect(page.getByRole('button', { name: `Remove bookmark: ${HOPPIPOLLA}` }).first()).toHaveAttribute('aria-pressed', 'true');
  await openApp(page, '/bookmarks');
  await expect(
    page.getByRole('list', { name: 'Your bookmarks, newest first' }).getByRole('link', { name: HOPPIPOLLA, exact: true }),
  ).toBeVisible();
});

test('the artist link leads to the artist, one under both spellings, with every song, its plays and every airing', async ({ page }) => {
  await openHoppipolla(page);
  await page.getByRole('link', { name: SIGUR_ROS, exact: true }).click();
  await page.waitForURL((url) => /^\/artists\/\d+$/.test(url.pathname));
  await expect(page.getByRole('heading', { level: 1, name: SIGUR_ROS })).toBeVisible();
  // Its songs under a heading of their own, between "When it plays" and "Every airing".
  const songsSection = page.getByRole('region', { name: 'Songs' });
  await expect(songsSection.getByRole('heading', { level: 2, name: 'Songs' })).toBeVisible();
  const songs = songsSection.getByRole('list', {
    name: `Songs by ${SIGUR_ROS}, most played first`,
  });
  await expect(songs.locator('.song-title')).toHaveText(SIGUR_ROS_TRACKS);
  await expect(songs.locator(':scope > li').first()).toContainText(`${HOPPIPOLLA_PLAYS} plays`);

  // When its songs play, both spellings together, over the last 90 days (every seeded airing is in them).
  await expect(page.getByRole('heading', { level: 2, name: 'When it plays' })).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Period' })).toHaveValue('90');
  await expect(page.getByText('Times in UTC (UTC+00:00).')).toBeVisible();
  await expect(heatMap(page)).toBeVisible();
  await expect(heatMap(page)).toHaveAccessibleDescription(new RegExp(`^${SIGUR_ROS_PLAYS} plays in all; most often on `));
  await expect(dailyChart(page)).toBeVisible();
  await expect(dailyChart(page)).toHaveAccessibleDescription(new RegExp(`^${SIGUR_ROS_PLAYS} plays on \\d+ of 90 days`));
  await expect(dailyChart(page).locator('rect[data-date]')).not.toHaveCount(0);

  // Every airing of its songs, both spellings, newest first, one page (fewer than 50), each title linked to its song.
  const airingsSection = page.getByRole('region', { name: 'Every airing' });
  await expect(airingsSection.getByRole('heading', { level: 2, name: 'Every airing' })).toBeVisible();
  const airings = artistAirings(page, SIGUR_ROS);
  await expect(airings.locator(':scope > li')).toHaveCount(SIGUR_ROS_PLAYS);
  await expect(airings.locator('.song-title a[href^="/songs/"]')).toHaveCount(SIGUR_ROS_PLAYS);
  const tracks = (await titlesIn(airings)).map((title) => SIGUR_ROS_TRACKS.find((track) => title.endsWith(` - ${track}`)));
  expect(tracks).not.toContain(undefined);
  expect(new Set(tracks)).toEqual(new Set(SIGUR_ROS_TRACKS));
  await expect(airingsSection.getByText('That is every airing.')).toBeVisible();
  await expect(airingsSection.getByRole('button', { name: 'More airings' })).toHaveCount(0);
  await screenshotAtBothWidths(page, 'artist');

  await songs.getByRole('link', { name: 'Glósóli' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sigur Ros - Glósóli' })).toBeVisible();
});

test('an unknown song or artist says so', async ({ page, expectedAnswers }) => {
  expectedAnswers.push({ method: 'GET', path: '/songs/999999', status: 404 }, { method: 'GET', path: '/artists/999999', status: 404 });
  await openApp(page, '/songs/999999');
  await expect(page.getByRole('heading', { name: 'Song not found' })).toBeVisible();
  await openApp(page, '/artists/999999');
  await expect(page.getByRole('heading', { name: 'Artist not found' })).toBeVisible();
});
