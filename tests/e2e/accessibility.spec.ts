// The pages for a visitor on a keyboard or with assistive technology: axe-core finds no serious or
// critical violation on them, and the controls work without a mouse.
import { expect, signIn, test } from './fixtures';
import { expectNoSeriousAccessibilityViolation, tabTo } from './lib/accessibility';
import {
  SIGN_IN_TO_BOOKMARK,
  bookmarkButtonInRow,
  bookmarkTitles,
  channelHealth,
  filterButton,
  gapRows,
  historyRows,
  liveStatus,
  navLink,
  nowPlayingCard,
  openApp,
  readHistoryRows,
  rowWithTitle,
} from './lib/app';
import { bookmarkNewestSongs, expectHeart } from './lib/bookmarks';
import { HOPPIPOLLA, artistAirings, chartList, heatMap, searchBox, songAirings, songMatches } from './lib/catalog';
import { adminAccount, environment } from './lib/environment';
import { PHONE } from './lib/screenshots';
import { setStationMode } from './lib/stations';

const channels = environment.channelNames;

test('the history page has no serious accessibility violation', async ({ page }) => {
  await openApp(page, '/');
  await expect(liveStatus(page)).toHaveText('Live');
  await expect(historyRows(page)).not.toHaveCount(0);

  await expectNoSeriousAccessibilityViolation(page);
});

test('the accessibility check itself fails on a serious violation', async ({ page }) => {
  await openApp(page, '/');
  await page.locator('main').evaluate((main) => main.append(document.createElement('button')));

  await expect(expectNoSeriousAccessibilityViolation(page)).rejects.toThrow(/critical button-name/);
});

test('the bookmarks page has no serious accessibility violation, signed out or with bookmarks', async ({ page, signedIn: _ }) => {
  const [song] = await bookmarkNewestSongs(page, 1);
  await openApp(page, '/bookmarks');
  await expect(bookmarkTitles(page)).toHaveText([song.title]);
  await expectNoSeriousAccessibilityViolation(page);

  await page.context().clearCookies();
  await page.reload();
  await expect(page.getByText(SIGN_IN_TO_BOOKMARK)).toHaveCount(1);
  await expectNoSeriousAccessibilityViolation(page);
});

test('the search, song, artist, "at" and charts pages have no serious accessibility violation', async ({ page }) => {
  await openApp(page, '/search?q=sigur');
  await expect(songMatches(page).getByRole('link', { name: HOPPIPOLLA })).toBeVisible();
  await expectNoSeriousAccessibilityViolation(page);

  await songMatches(page).getByRole('link', { name: HOPPIPOLLA }).click();
  await expect(heatMap(page)).toBeVisible();
  await expect(songAirings(page).locator(':scope > li')).not.toHaveCount(0);
  await expectNoSeriousAccessibilityViolation(page);

  await page.getByRole('link', { name: 'Sigur Rós', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sigur Rós' })).toBeVisible();
  await expect(artistAirings(page, 'Sigur Rós').locator(':scope > li')).not.toHaveCount(0);
  await expectNoSeriousAccessibilityViolation(page);

  await openApp(page, '/at');
  await expect(page.locator('li[aria-current="time"]')).not.toHaveCount(0);
  await expectNoSeriousAccessibilityViolation(page);

  await openApp(page, '/charts');
  await expect(chartList(page, 'songs').locator(':scope > li')).not.toHaveCount(0);
  await expectNoSeriousAccessibilityViolation(page);
});

test('a station that cannot be read, on its card and as a gap in the history, has no serious accessibility violation', async ({ page }) => {
  const station = channels[1];
  await openApp(page, '/');
  await expect(liveStatus(page)).toHaveText('Live');
  try {
    await setStationMode(station, '500');
    await expect(channelHealth(page, station)).toContainText('Unreachable since');
    await expect(gapRows(page, station)).not.toHaveCount(0);
    await expectNoSeriousAccessibilityViolation(page);
  } finally {
    await setStationMode(station, 'ok');
  }
  await expect(channelHealth(page, station)).toHaveCount(0);
});

test('the admin channels page has no serious accessibility violation, and works from the keyboard', async ({ page }) => {
  await signIn(page, adminAccount);
  await openApp(page, '/admin/channels');
  const list = page.getByRole('list', { name: 'Channels' });
  await expect(list.getByRole('listitem')).toHaveCount(channels.length);
  await expectNoSeriousAccessibilityViolation(page);

  // Testing a station from the keyboard: its address, then Test, then what it plays.
  const form = page.getByRole('region', { name: 'Add a channel' });
  await tabTo(page, form.getByLabel('Now-playing address'));
  await page.keyboard.type(`${environment.emulatorUrl}/${channels[0]}/display.js`);
  await tabTo(page, form.getByRole('button', { name: 'Test' }));
  await page.keyboard.press('Enter');
  await expect(form.getByRole('status')).toContainText('Read it: format');
  // Adding without a name: the field says why and takes the focus.
  await tabTo(page, form.getByRole('button', { name: 'Add channel' }));
  await page.keyboard.press('Enter');
  await expect(form.getByLabel('Name')).toBeFocused();
  await expect(form.getByLabel('Name')).toHaveAttribute('aria-invalid', 'true');
  await expectNoSeriousAccessibilityViolation(page);

  // The delete confirmation opens from the keyboard, has the focus, and Escape closes it.
  await tabTo(page, list.getByRole('button', { name: `Delete ${channels[2]}` }));
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('alertdialog', { name: `Delete ${channels[2]}` });
  await expect(dialog.getByRole('button', { name: 'Delete', exact: true })).toBeFocused();
  await expectNoSeriousAccessibilityViolation(page);
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
});

test('the header search works from the keyboard', async ({ page }) => {
  await openApp(page, '/');
  await tabTo(page, searchBox(page));
  await page.keyboard.type('jóga');
  await page.keyboard.press('Enter');
  await page.waitForURL((url) => url.pathname === '/search' && url.searchParams.get('q') === 'jóga');
  await expect(songMatches(page).getByRole('link', { name: 'Björk - Jóga' })).toBeVisible();
});

test('the channel filter works from the keyboard', async ({ page }) => {
  const chosen = channels[1];
  await openApp(page, '/');
  await expect(liveStatus(page)).toHaveText('Live');
  const chosenId = await nowPlayingCard(page, chosen).getAttribute('data-channel-id');

  await tabTo(page, filterButton(page, chosen));
  await page.keyboard.press('Enter');

  await page.waitForURL((url) => url.search === `?channel=${chosenId}`);
  await expect(filterButton(page, chosen)).toHaveAttribute('aria-pressed', 'true');
  await expect.poll(async () => [...new Set((await readHistoryRows(page)).map((row) => row.channel))]).toEqual([chosen]);
});

test('a signed-in visitor bookmarks a song from the keyboard', async ({ page, signedIn: _ }) => {
  await openApp(page, '/');
  await expect(historyRows(page)).not.toHaveCount(0);
  const [top] = await readHistoryRows(page);
  await expectHeart(page, top.title, false);

  await tabTo(page, bookmarkButtonInRow(rowWithTitle(page, top.title), top.title));
  await page.keyboard.press('Space');

  await expectHeart(page, top.title, true);
});

test.describe('on a 375 px phone', () => {
  test.use({ viewport: PHONE });

  test('the menu opens and leads to a page from the keyboard, with no serious violation', async ({ page }) => {
    await openApp(page, '/');

    await tabTo(page, page.getByRole('button', { name: 'Show navigation' }));
    await page.keyboard.press('Enter');

    await expect(navLink(page, 'Bookmarks')).toBeVisible();
    await expectNoSeriousAccessibilityViolation(page);
    await tabTo(page, navLink(page, 'Bookmarks'));
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname === '/bookmarks');
    await expect(page.getByText(SIGN_IN_TO_BOOKMARK)).toHaveCount(1);
  });
});
