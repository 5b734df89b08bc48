// The history page, as a visitor who is not signed in sees it: the channels and what they play,
// the history, live updates, the channel filter and older pages.
import assert from 'node:assert/strict';

import {
  filterButton,
  historyRows,
  navLink,
  liveStatus,
  moreButton,
  nowPlayingCard,
  openApp,
  readHistoryRows,
  signInLink,
  channelFilter,
} from './lib/app.mjs';
import { DESKTOP, PHONE } from './lib/browser.mjs';
import { environment } from './lib/environment.mjs';
import { eventually } from './lib/eventually.mjs';
import { freshTitle, playOnStation, titleOnStation } from './lib/stations.mjs';
import { browserSuite } from './lib/suite.mjs';

const PAGE_SIZE = 50;
const channels = environment.channelNames;
const suite = browserSuite();

async function channelIdOf(page, name) {
  return Number(await nowPlayingCard(page, name).getAttribute('data-channel-id'));
}

suite.scenario('the page shows the channels, what each plays now, and the history', async (page) => {
  await openApp(page, '/');

  const filters = await channelFilter(page).getByRole('button').allTextContents();
  assert.deepEqual(filters.map((text) => text.trim()), ['All', ...channels]);
  assert.equal(await filterButton(page, 'All').getAttribute('aria-pressed'), 'true');

  for (const name of channels) {
    const playing = await titleOnStation(name);
    await eventually(async () => {
      assert.equal(await nowPlayingCard(page, name).locator('.song-title').textContent(), playing);
    });
  }

  await eventually(async () => assert.equal(await historyRows(page).count(), PAGE_SIZE));
  const rows = await readHistoryRows(page);
  for (const row of rows) {
    assert.ok(channels.includes(row.channel), `row ${row.id} (${row.title}) names channel "${row.channel}"`);
    assert.notEqual(row.title, '');
  }
  assert.deepEqual(
    rows.map((row) => row.id),
    [...rows.map((row) => row.id)].sort((a, b) => b - a),
    'newest first',
  );
  await eventually(async () => assert.equal(await liveStatus(page).textContent(), 'Live'));
  assert.equal(await signInLink(page).count(), 1);
});

suite.scenario('a song that starts on a station appears at once on its card and atop the history', async (page) => {
  await openApp(page, '/');
  await eventually(async () => assert.equal(await liveStatus(page).textContent(), 'Live'));
  // Survives only if the page is never reloaded.
  await page.evaluate(() => {
    window.e2eSamePage = true;
  });
  const [station] = channels;
  const title = freshTitle(station);

  await playOnStation(station, title);

  await eventually(async () => {
    const [top] = await readHistoryRows(page);
    assert.deepEqual({ title: top.title, channel: top.channel, live: top.live }, { title, channel: station, live: true });
  });
  assert.equal(await nowPlayingCard(page, station).locator('.song-title').textContent(), title);
  assert.equal(await page.evaluate(() => window.e2eSamePage), true, 'the page was reloaded');
});

suite.scenario('filtering by a channel shows only its songs, and the address keeps the filter', async (page) => {
  const [other, chosen] = channels;
  await openApp(page, '/');
  await eventually(async () => assert.equal(await liveStatus(page).textContent(), 'Live'));
  const chosenId = await channelIdOf(page, chosen);

  await filterButton(page, chosen).click();

  await page.waitForURL((url) => url.pathname === '/' && url.search === `?channel=${chosenId}`);
  await assertFilteredTo(page, chosen);

  // Live items of other channels stay out of the list; the chosen channel's come in on top.
  const elsewhere = freshTitle(other);
  await playOnStation(other, elsewhere);
  await eventually(async () => {
    assert.equal(await nowPlayingCard(page, other).locator('.song-title').textContent(), elsewhere);
  });
  const here = freshTitle(chosen);
  await playOnStation(chosen, here);
  await eventually(async () => {
    const [top] = await readHistoryRows(page);
    assert.deepEqual({ title: top.title, live: top.live }, { title: here, live: true });
  });
  const titles = (await readHistoryRows(page)).map((row) => row.title);
  assert.ok(!titles.includes(elsewhere), `${elsewhere} (on ${other}) is listed under ${chosen}`);
  await assertFilteredTo(page, chosen);

  await page.reload();
  assert.equal(new URL(page.url()).search, `?channel=${chosenId}`);
  await assertFilteredTo(page, chosen);

  await page.goBack();
  await page.waitForURL((url) => url.pathname === '/' && url.search === '');
  await eventually(async () => {
    assert.equal(await filterButton(page, 'All').getAttribute('aria-pressed'), 'true');
    const shown = new Set((await readHistoryRows(page)).map((row) => row.channel));
    assert.deepEqual([...shown].sort(), [...channels].sort());
  });
});

async function assertFilteredTo(page, name) {
  await eventually(async () => {
    assert.equal(await filterButton(page, name).getAttribute('aria-pressed'), 'true');
    assert.equal(await filterButton(page, 'All').getAttribute('aria-pressed'), 'false');
    assert.equal(await page.getByRole('heading', { name: `History of ${name}` }).count(), 1);
    const rows = await readHistoryRows(page);
    assert.ok(rows.length > environment.seededPerChannel, `only ${rows.length} rows`);
    assert.deepEqual([...new Set(rows.map((row) => row.channel))], [name]);
  });
}

suite.scenario('"More" loads older songs, none twice and none missing, until the history ends', async (page) => {
  await openApp(page, '/');
  await eventually(async () => assert.equal(await historyRows(page).count(), PAGE_SIZE));

  let pages = 1;
  while ((await moreButton(page).count()) > 0) {
    const before = await historyRows(page).count();
    await moreButton(page).click();
    await eventually(async () => assert.ok((await historyRows(page).count()) > before, 'no older songs came'));
    pages += 1;
    assert.ok(pages < 20, 'the "More" button never went away');
  }
  await eventually(async () => assert.equal(await page.getByText('That is all the history there is.').count(), 1));

  const rows = await readHistoryRows(page);
  const ids = rows.map((row) => row.id);
  assert.equal(new Set(ids).size, ids.length, 'some rows are shown twice');
  assert.deepEqual(ids, [...ids].sort((a, b) => b - a), 'not newest first');
  assert.ok(pages >= 3, `only ${pages} pages for ${rows.length} rows`);
  // Every seeded song is there exactly once, the oldest last.
  const titles = rows.map((row) => row.title);
  for (const name of channels) {
    for (let number = 1; number <= environment.seededPerChannel; number += 1) {
      const seeded = `${name.charAt(0).toUpperCase()}${name.slice(1)} Seed Artist - Track ${String(number).padStart(3, '0')}`;
      assert.equal(titles.filter((title) => title === seeded).length, 1, `${seeded} is not listed exactly once`);
    }
  }
  assert.match(titles.at(-1), /Seed Artist - Track 001$/);
});

suite.scenario('a visitor who is not signed in is told to sign in before bookmarking', async (page) => {
  await openApp(page, '/');
  await eventually(async () => assert.ok((await historyRows(page).count()) > 0));
  const row = historyRows(page).first();
  const title = await row.locator('.song-title').textContent();
  const heart = row.getByRole('button', { name: `Bookmark ${title} (sign in to bookmark songs)` });
  assert.equal(await heart.getAttribute('aria-disabled'), 'true');
  assert.equal(await heart.getAttribute('title'), 'Sign in to bookmark songs');

  await heart.click({ force: true }); // aria-disabled: a person can still press it

  assert.equal(await heart.getAttribute('aria-pressed'), 'false');
  assert.equal(await signInLink(page).count(), 1);
});

suite.scenario('on a 375 px phone the menu opens to the pages and the sign-in', async (page) => {
  await page.setViewportSize(PHONE);
  try {
    await openApp(page, '/');
    assert.equal(await signInLink(page).isVisible(), false, 'the menu is open before it is asked to');

    await page.getByRole('button', { name: 'Show navigation' }).click();

    await eventually(async () => {
      assert.ok(await signInLink(page).isVisible());
      assert.ok(await navLink(page, 'Bookmarks').isVisible());
    });
    await navLink(page, 'Bookmarks').click();
    await page.waitForURL((url) => url.pathname === '/bookmarks');
    await eventually(async () => assert.equal(await navLink(page, 'Bookmarks').isVisible(), false, 'the menu stayed open'));
    await eventually(async () => {
      assert.equal(await page.getByText('Sign in to keep the songs you like and find them here later.').count(), 1);
    });
  } finally {
    await page.setViewportSize(DESKTOP);
  }
});
