// A listener who heard something and types a few words of it: the header's search box, the
// shareable /search?q= page, and on from there to the song.
import { expect, test } from './fixtures';
import { openApp } from './lib/app';
import {
  HOPPIPOLLA,
  HOPPIPOLLA_PLAYS,
  SIGUR_ROS,
  SIGUR_ROS_TRACKS,
  artistMatches,
  matchingAirings,
  searchBox,
  songMatches,
  titlesIn,
} from './lib/catalog';
import { screenshotAtBothWidths } from './lib/screenshots';

test('typing words without accents in the header finds the song and every airing of it', async ({ page }) => {
  await openApp(page, '/');
  await searchBox(page).pressSequentially('sigur ros hopp', { delay: 20 });

  // No Enter: the search runs once typing pauses, and the address is the search.
  await page.waitForURL((url) => url.pathname === '/search' && url.searchParams.get('q') === 'sigur ros hopp');
  await expect(songMatches(page).getByRole('link', { name: HOPPIPOLLA })).toBeVisible();
  await expect(songMatches(page)).toContainText(`${HOPPIPOLLA_PLAYS} plays`);
  await expect(matchingAirings(page).locator(':scope > li')).toHaveCount(HOPPIPOLLA_PLAYS);
  expect(new Set(await titlesIn(matchingAirings(page)))).toEqual(new Set([HOPPIPOLLA]));
  await expect(page.getByText('That is every matching airing.')).toBeVisible();
  // The words are a title's, not a name's: no artist is offered.
  await expect(artistMatches(page)).toHaveCount(0);
  await screenshotAtBothWidths(page, 'search');

  await songMatches(page).getByRole('link', { name: HOPPIPOLLA }).click();
  await page.waitForURL((url) => /^\/songs\/\d+$/.test(url.pathname));
  await expect(page.getByRole('heading', { level: 1, name: HOPPIPOLLA })).toBeVisible();
});

test('a shared search address shows the same results, and search syntax is plain text', async ({ page }) => {
  await openApp(page, '/search?q=J%C3%93GA');
  await expect(songMatches(page).getByRole('link', { name: 'Björk - Jóga' })).toBeVisible();
  await expect(searchBox(page)).toHaveValue('JÓGA');

  await openApp(page, `/search?q=${encodeURIComponent('"sigur" -(ros) OR* NEAR ^')}`);
  await expect(page.getByText('No song title has these words.')).toBeVisible();
  await expect(page.getByText('Nothing matching was played.')).toBeVisible();
});

test('an artist’s name finds the artist once under both spellings, and leads to its page', async ({ page }) => {
  await openApp(page, '/search?q=sigur%20ros');
  const artist = artistMatches(page).getByRole('link', { name: SIGUR_ROS, exact: true });
  await expect(artist).toBeVisible();
  await expect(artistMatches(page).locator(':scope > li')).toHaveCount(1);
  await expect(artistMatches(page)).toContainText(`${SIGUR_ROS_TRACKS.length} songs`);
  await expect(songMatches(page).locator(':scope > li')).toHaveCount(SIGUR_ROS_TRACKS.length);
  await screenshotAtBothWidths(page, 'search-artist');

  await artist.click();
  await page.waitForURL((url) => /^\/artists\/\d+$/.test(url.pathname));
  await expect(page.getByRole('heading', { level: 1, name: SIGUR_ROS })).toBeVisible();
});
