// How the app's pages look to a visitor: the parts the scenarios read and press, found by role and
// accessible name where the app gives them one.
import type { Locator, Page } from '@playwright/test';

export interface HistoryRow {
  id: number;
  title: string;
  channel: string;
  live: boolean;
}

export function historyList(page: Page): Locator {
  return page.getByRole('list', { name: 'Songs played, newest first' });
}

/** The songs in the history list (not the rows that say a station could not be read). */
export function historyRows(page: Page): Locator {
  return historyList(page).locator(':scope > li.history-item');
}

/** The rows of the history list that say a station could not be read ("No data 16:52–17:07: ..."). */
export function gapRows(page: Page, channelName?: string): Locator {
  const rows = historyList(page).locator(':scope > li.history-gap');
  return channelName === undefined ? rows : rows.filter({ has: page.locator('.channel-label', { hasText: channelName }) });
}

/** A now-playing card's line about its station's health ("Unreachable since 16:52 — HTTP 500", "Paused"). */
export function channelHealth(page: Page, channelName: string): Locator {
  return nowPlayingCard(page, channelName).locator('.channel-health');
}

/** The rows on screen, top to bottom. */
export function readHistoryRows(page: Page): Promise<HistoryRow[]> {
  return historyRows(page).evaluateAll((rows) =>
    rows.map((row) => ({
      id: Number((row as HTMLElement).dataset.id),
      title: row.querySelector('.song-title')?.textContent ?? '',
      channel: row.querySelector('.channel-label')?.textContent ?? '',
      live: row.classList.contains('is-live'),
    })),
  );
}

export function rowWithTitle(page: Page, title: string): Locator {
  return historyRows(page).filter({ has: page.locator('.song-title', { hasText: title }) });
}

export function nowPlayingCard(page: Page, channelName: string): Locator {
  return page.getByRole('article', { name: `Channel ${channelName}` });
}

export function channelFilter(page: Page): Locator {
  return page.getByRole('group', { name: 'Filter history by channel' });
}

export function filterButton(page: Page, label: string): Locator {
  return channelFilter(page).getByRole('button', { name: label, exact: true });
}

export function moreButton(page: Page, what = 'songs'): Locator {
  return page.getByRole('button', { name: `More ${what}` });
}

export function liveStatus(page: Page): Locator {
  return page.locator('.live-status');
}

export function header(page: Page): Locator {
  return page.getByRole('banner');
}

export function signInLink(page: Page): Locator {
  return header(page).getByRole('link', { name: 'Sign in with Google' });
}

export function signOutLink(page: Page): Locator {
  return header(page).getByRole('link', { name: 'Sign out' });
}

export function navLink(page: Page, name: string): Locator {
  return page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true });
}

/** The heart of a history row: its name says what pressing it does. */
export function bookmarkButtonInRow(row: Locator, title: string): Locator {
  return row.getByRole('button', { name: new RegExp(`^(Bookmark|Remove bookmark:) ${escapeRegExp(title)}`) });
}

export function bookmarkList(page: Page): Locator {
  return page.getByRole('list', { name: 'Your bookmarks, newest first' });
}

export function bookmarkTitles(page: Page): Locator {
  return bookmarkList(page).locator('.song-title');
}

export const SIGN_IN_TO_BOOKMARK = 'Sign in to keep the songs you like and find them here later.';

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Opens a page of the app and waits for it to say it is loaded (history or bookmarks). */
export async function openApp(page: Page, path = '/'): Promise<void> {
  await page.goto(path);
  await page.locator('main').waitFor();
}
