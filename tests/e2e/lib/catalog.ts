// The catalog seeded by seed_history.py (CATALOG there) and the parts of the search, "at", song,
// artist and chart pages the scenarios read and press.
import type { Locator, Page } from '@playwright/test';

export const HOPPIPOLLA = 'Sigur Rós - Hoppípolla';
/** Hoppípolla's airings, all seeded days back (none in the crawled present). */
export const HOPPIPOLLA_PLAYS = 12;
/** Its plays in the last 7 days: the most of any song. */
export const HOPPIPOLLA_WEEK_PLAYS = 7;
/** One artist under two spellings: "Sigur Rós" on two songs, "Sigur Ros" on one. */
export const SIGUR_ROS = 'Sigur Rós';
export const SIGUR_ROS_TRACKS = ['Hoppípolla', 'Glósóli', 'Sæglópur'];
/** Its airings under both spellings, all seeded days back: Hoppípolla's 12, Glósóli's 3, Sæglópur's 1. */
export const SIGUR_ROS_PLAYS = 16;

export function searchBox(page: Page): Locator {
  return page.getByRole('search').getByRole('searchbox', { name: 'Search songs' });
}

export function artistMatches(page: Page): Locator {
  return page.getByRole('list', { name: 'Matching artists' });
}

export function songMatches(page: Page): Locator {
  return page.getByRole('list', { name: 'Matching songs' });
}

export function matchingAirings(page: Page): Locator {
  return page.getByRole('list', { name: 'Matching airings, newest first' });
}

export function songAirings(page: Page): Locator {
  return page.getByRole('list', { name: 'Airings of this song, newest first' });
}

/** An artist page's "Every airing" list: the airings of all its songs, under every spelling. */
export function artistAirings(page: Page, artist: string): Locator {
  return page.getByRole('list', { name: `Airings by ${artist}, newest first` });
}

/** The titles in a list of songs or airings, top to bottom. */
export function titlesIn(list: Locator): Promise<string[]> {
  return list.locator('.song-title').allTextContents();
}

export function heatMap(page: Page): Locator {
  return page.getByRole('img', { name: /^Plays by weekday and hour/ });
}

export function dailyChart(page: Page): Locator {
  return page.getByRole('img', { name: /^Plays per day/ });
}

export function chartList(page: Page, by: 'songs' | 'artists'): Locator {
  return page.getByRole('list', { name: `Most played ${by}` });
}

/** The "at" page's list for one channel. */
export function aroundList(page: Page, channel: string): Locator {
  return page.getByRole('list', {
    name: new RegExp(`^Songs around .* on ${channel}, newest first$`),
  });
}
