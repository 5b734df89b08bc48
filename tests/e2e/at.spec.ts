// A listener who heard something at a known moment: "what was playing at" that time, picked in
// their own time zone, on every channel or one.
import type { Page } from '@playwright/test';

import { expect, test } from './fixtures';
import { openApp } from './lib/app';
import { HOPPIPOLLA, aroundList, searchBox, songMatches } from './lib/catalog';
import { environment } from './lib/environment';
import { screenshotAtBothWidths } from './lib/screenshots';

/** The newest airing of Hoppípolla, as its song page lists it: when and on which channel. */
async function lastHoppipolla(page: Page): Promise<{ at: Date; channel: string }> {
  await openApp(page, `/search?q=${encodeURIComponent('hoppipolla')}`);
  await songMatches(page).getByRole('link', { name: HOPPIPOLLA }).click();
  const newest = page.getByRole('list', { name: 'Airings of this song, newest first' }).locator(':scope > li').first();
  const at = new Date((await newest.locator('time').getAttribute('datetime')) ?? '');
  const channel = ((await newest.locator('.channel-label').textContent()) ?? '').trim();
  return { at, channel };
}

test('the pickers lead to the moment, and the song playing then is marked on its channel', async ({ page }) => {
  const { at, channel } = await lastHoppipolla(page);
  const moment = new Date(at.getTime() + 2 * 60_000); // two minutes into the song

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Playing at…' }).click();
  await page.waitForURL((url) => url.pathname === '/at');
  // The suite's browser runs in UTC, and the page says which zone its pickers are in.
  await expect(page.getByText('Times in UTC (UTC+00:00).')).toBeVisible();
  const iso = moment.toISOString();
  await page.getByLabel('Date').fill(iso.slice(0, 10));
  await page.getByLabel('Time').fill(iso.slice(11, 16));
  await page.getByLabel('Channel').selectOption({ label: channel });
  await page.getByRole('button', { name: 'Show' }).click();

  await page.waitForURL(
    (url) => decodeURIComponent(url.pathname) === `/at/${iso.slice(0, 16)}:00+00:00` && url.searchParams.get('channel_id') !== null,
  );
  const list = aroundList(page, channel);
  const current = list.locator(':scope > li[aria-current="time"]');
  await expect(current).toHaveCount(1);
  await expect(current.locator('.song-title')).toHaveText(HOPPIPOLLA);
  await expect(current.getByText(`Playing at ${iso.slice(11, 16)}`)).toBeVisible();
  // Songs before and after it, on that channel only.
  await expect.poll(() => list.locator(':scope > li').count()).toBeGreaterThan(1);
  await expect(page.getByRole('heading', { level: 2 })).toHaveText([channel]);
  await screenshotAtBothWidths(page, 'at');
});

test('an "at" address is shareable: every channel around that moment, one song marked on each that played', async ({ page }) => {
  const { at, channel } = await lastHoppipolla(page);
  const moment = new Date(at.getTime() + 60_000).toISOString().replace('.000Z', '+00:00');

  await openApp(page, `/at/${moment}`);
  await expect(page.getByLabel('Time')).toHaveValue(moment.slice(11, 16));
  await expect(page.getByRole('heading', { level: 2 })).toHaveText(environment.channelNames);
  await expect(aroundList(page, channel).locator('li[aria-current="time"] .song-title')).toHaveText(HOPPIPOLLA);
  await expect(page.locator('li[aria-current="time"]')).not.toHaveCount(0);

  await openApp(page, '/at/not-a-time');
  await expect(page.getByRole('alert')).toContainText('is not a time this page understands');
  await expect(searchBox(page)).toBeVisible();
});

test('an airing’s time leads to what its channel played around it, the airing marked', async ({ page }) => {
  const { at, channel } = await lastHoppipolla(page);
  const newest = page.getByRole('list', { name: 'Airings of this song, newest first' }).locator(':scope > li').first();
  const began = (await newest.locator('time').getAttribute('datetime')) ?? '';
  const shown = (await newest.locator('time').textContent()) ?? '';
  const time = newest.getByRole('link', { name: `${shown}: what ${channel} played around it`, exact: true });
  await time.click();

  // The next whole second after it began, in the suite's zone (UTC), on its channel.
  const justAfter = new Date(Math.floor(at.getTime() / 1000) * 1000 + 1000).toISOString().replace('.000Z', '+00:00');
  await page.waitForURL(
    (url) => decodeURIComponent(url.pathname) === `/at/${justAfter}` && url.searchParams.get('channel_id') !== null,
  );
  await expect(page.getByRole('heading', { level: 2 })).toHaveText([channel]);
  const around = aroundList(page, channel);
  const current = around.locator(':scope > li[aria-current="time"]');
  await expect(current.locator('.song-title')).toHaveText(HOPPIPOLLA);
  await expect(current.locator('time')).toHaveAttribute('datetime', began);
  await expect.poll(() => around.locator(':scope > li').count()).toBeGreaterThan(1);
});
