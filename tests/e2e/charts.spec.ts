// A listener looking at what was played most: songs or artists, this week, month or year, one channel.
import { expect, test } from './fixtures';
import { navLink, openApp } from './lib/app';
import { HOPPIPOLLA, HOPPIPOLLA_WEEK_PLAYS, SIGUR_ROS, chartList } from './lib/catalog';
import { screenshotAtBothWidths } from './lib/screenshots';

test('the charts rank this week’s songs, then artists, this month and this year, on one channel', async ({ page }) => {
  await openApp(page, '/');
  await navLink(page, 'Charts').click();
  await page.waitForURL((url) => url.pathname === '/charts');

  const top = chartList(page, 'songs').locator(':scope > li').first();
  await expect(top.getByRole('link', { name: HOPPIPOLLA })).toBeVisible();
  await expect(top).toContainText(`${HOPPIPOLLA_WEEK_PLAYS} plays`);
  // Every entry says how it moved, in words for screen readers.
  await expect(chartList(page, 'songs').locator('.chart-movement').first()).toHaveText(/new|up \d+ from \d+|down \d+ from \d+|same place/);
  await screenshotAtBothWidths(page, 'charts');

  await page.getByRole('button', { name: 'Artists' }).click();
  await page.waitForURL((url) => url.searchParams.get('by') === 'artist');
  // The seeded "<Channel> Seed Artist" has 40 plays from the last hour; Sigur Rós (both spellings) follows.
  await expect(
    chartList(page, 'artists').getByRole('link', {
      name: SIGUR_ROS,
      exact: true,
    }),
  ).toBeVisible();

  await page.getByRole('button', { name: 'This month' }).click();
  await page.getByRole('group', { name: 'Chart of channel' }).getByRole('button', { name: 'blue' }).click();
  await page.waitForURL((url) => url.searchParams.get('period') === 'month' && url.searchParams.get('channel_id') !== null);
  // Björk played on blue only, six times this month; nothing of red's is on blue's chart.
  await expect(chartList(page, 'artists').getByRole('link', { name: 'Björk' })).toBeVisible();
  await expect(chartList(page, 'artists')).toContainText('Blue Seed Artist');
  await expect(chartList(page, 'artists')).not.toContainText('Red Seed Artist');
  await page.reload();
  await expect(page.getByRole('button', { name: 'This month' })).toHaveAttribute('aria-pressed', 'true');

  // A year: every seeded airing, against the year before, where nothing was played.
  await page.getByRole('button', { name: 'This year' }).click();
  await page.waitForURL((url) => url.searchParams.get('period') === 'year' && url.searchParams.get('channel_id') !== null);
  await expect(page.getByText('Plays in the last 365 days; arrows compare with the 365 days before.')).toBeVisible();
  await expect(chartList(page, 'artists').getByRole('link', { name: 'Björk' })).toBeVisible();
  await expect(chartList(page, 'artists').locator('.chart-movement').first()).toHaveText(/new/);
});
