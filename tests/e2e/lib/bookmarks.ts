// Bookmarking as a signed-in visitor does it: the heart of a history row.
import { expect, type Page } from '@playwright/test';

import { type HistoryRow, bookmarkButtonInRow, historyRows, openApp, readHistoryRows, rowWithTitle } from './app';

export async function expectHeart(page: Page, title: string, pressed: boolean): Promise<void> {
  const heart = bookmarkButtonInRow(rowWithTitle(page, title), title);
  await expect(heart).toHaveAttribute('aria-pressed', String(pressed));
  await expect(heart).toHaveAttribute('aria-label', pressed ? `Remove bookmark: ${title}` : `Bookmark ${title}`);
}

/** Bookmarks the newest `count` songs of the history, newest first; returns them in that order. */
export async function bookmarkNewestSongs(page: Page, count: number): Promise<HistoryRow[]> {
  await openApp(page, '/');
  await expect.poll(() => historyRows(page).count()).toBeGreaterThanOrEqual(count);
  const chosen = (await readHistoryRows(page)).slice(0, count);
  for (const song of chosen) {
    await expectHeart(page, song.title, false);
    await bookmarkButtonInRow(rowWithTitle(page, song.title), song.title).click();
    await expectHeart(page, song.title, true);
  }
  return chosen;
}
