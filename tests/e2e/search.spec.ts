// A listener who heard something and types a few words of it: the header's search box, the
// shareable /search?q= page, and on from there to the song.
import { expect, test } from './fixtures';
import { expectNoSeriousAccessibilityViolation } from './lib/accessibility';
import { openApp } from './lib/app';
import {
  HOPPIPOLLA,
  HOPPIPOLLA_PLAYS,
  HOPPIPOLLA_RED_PLAYS,
  HOPPIPOLLA_RED_TWO_DAYS_AGO_PLAYS,
  HOPPIPOLLA_RED_WEEK_PLAYS,
  SIGUR_ROS,
  SIGUR_ROS_TRACKS,
  airingsChannelFilter,
  airingsDayInput,
  airingsNarrowed,
  airingsSection,
  artistMatches,
  channelsIn,
  matchingAirings,
  quickDaysButton,
  searchBox,
  songMatches,
  titlesIn,
  utcDaysAgo,
} from './lib/catalog';
import { environment } from './lib/environment';
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

test('the airings narrow to a channel and to days, in the address, and new words keep them', async ({ page }) => {
  const red = environment.channelNames[0]!;
  const airings = matchingAirings(page);
  const rows = airings.locator(':scope > li');
  await openApp(page, '/');
  await searchBox(page).pressSequentially('hoppipolla', { delay: 20 });
  await page.waitForURL((url) => url.pathname === '/search' && url.searchParams.get('q') === 'hoppipolla');
  await expect(rows).toHaveCount(HOPPIPOLLA_PLAYS);
  await expect(quickDaysButton(page, 'Any time')).toHaveAttribute('aria-pressed', 'true');
  // The suite's browser runs in UTC, and the days are said to be in it.
  await expect(airingsSection(page).getByText('Days in UTC (UTC+00:00).')).toBeVisible();

  // One channel: its airings only, its id in the address, the songs above left as they were.
  await airingsChannelFilter(page).getByRole('button', { name: red, exact: true }).click();
  await page.waitForURL((url) => url.searchParams.get('channel_id') !== null && url.searchParams.get('q') === 'hoppipolla');
  await expect(rows).toHaveCount(HOPPIPOLLA_RED_PLAYS);
  expect(new Set(await channelsIn(airings))).toEqual(new Set([red]));
  await expect(airingsNarrowed(page)).toHaveText(`On ${red}.`);
  await expect(songMatches(page).getByRole('link', { name: HOPPIPOLLA })).toBeVisible();

  // The last 7 days: from today's midnight 6 days back to tomorrow's, in the address as the API takes them.
  await quickDaysButton(page, 'Last 7 days').click();
  await page.waitForURL(
    (url) =>
      url.searchParams.get('from') === `${utcDaysAgo(6)}T00:00:00+00:00` &&
      url.searchParams.get('to') === `${utcDaysAgo(-1)}T00:00:00+00:00`,
  );
  await expect(rows).toHaveCount(HOPPIPOLLA_RED_WEEK_PLAYS);
  await expect(quickDaysButton(page, 'Last 7 days')).toHaveAttribute('aria-pressed', 'true');

  // One day typed in, both ends: only what red played that day.
  const day = utcDaysAgo(2);
  await airingsDayInput(page, 'From day').fill(day);
  await airingsDayInput(page, 'To day').fill(day);
  await page.waitForURL(
    (url) => url.searchParams.get('from') === `${day}T00:00:00+00:00` && url.searchParams.get('to') === `${utcDaysAgo(1)}T00:00:00+00:00`,
  );
  await expect(rows).toHaveCount(HOPPIPOLLA_RED_TWO_DAYS_AGO_PLAYS);
  await expect(rows.locator('time').first()).toHaveAttribute('datetime', new RegExp(`^${day}T`));
  await expect(airingsNarrowed(page)).toContainText(`On ${red}, `);
  const narrowedUrl = new URL(page.url());

  // New words on the search page keep the channel and the day.
  await searchBox(page).fill('sigur hopp');
  await page.waitForURL((url) => url.searchParams.get('q') === 'sigur hopp');
  for (const name of ['channel_id', 'from', 'to'])
    expect(new URL(page.url()).searchParams.get(name)).toBe(narrowedUrl.searchParams.get(name));
  await expect(rows).toHaveCount(HOPPIPOLLA_RED_TWO_DAYS_AGO_PLAYS);
  await screenshotAtBothWidths(page, 'search-narrowed');
  await expectNoSeriousAccessibilityViolation(page);

  // A To day before the From day: said beside the field, and no list.
  await airingsDayInput(page, 'To day').fill(utcDaysAgo(3));
  await expect(airingsSection(page).getByRole('alert')).toHaveText('The To day is before the From day: pick a later one.');
  await expect(airingsDayInput(page, 'To day')).toHaveAttribute('aria-invalid', 'true');
  await expect(airings).toHaveCount(0);
  await expectNoSeriousAccessibilityViolation(page);

  // Any time: red's airings again, and no day in the address.
  await quickDaysButton(page, 'Any time').click();
  await page.waitForURL((url) => url.searchParams.get('from') === null && url.searchParams.get('to') === null);
  await expect(rows).toHaveCount(HOPPIPOLLA_RED_PLAYS);
});
