// The catalog seeded by seed_history.py (CATALOG there) and the parts of the search, "at", song,
// artist and chart pages the scenarios read and press.
import type { Locator, Page } from '@playwright/test';

export const HOPPIPOLLA = 'Sigur Rós - Hoppípolla';
/** Hoppípolla's airings, all seeded days back (none in the crawled present). */
export const HOPPIPOLLA_PLAYS = 12;
/** Its plays in the last 7 days: the most of any song. */
export const HOPPIPOLLA_WEEK_PLAYS = 7;
/** Its airings on red (CATALOG: channel index 0), and those days back 0–6 (the last 7 days), and 2 days back. */
export const HOPPIPOLLA_RED_PLAYS = 7;
export const HOPPIPOLLA_RED_WEEK_PLAYS = 4;
export const HOPPIPOLLA_RED_TWO_DAYS_AGO_PLAYS = 1;
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

/** The search page's "Airings" section: the filters of the airings, what they are narrowed to, the list. */
export function airingsSection(page: Page): Locator {
  return page.getByRole('region', { name: 'Airings' });
}

export function airingsChannelFilter(page: Page): Locator {
  return airingsSection(page).getByRole('group', { name: 'Filter airings by channel' });
}

/** "Today", "Yesterday", "Last 7 days" or "Any time". */
export function quickDaysButton(page: Page, label: string): Locator {
  return airingsSection(page).getByRole('group', { name: 'Quick days' }).getByRole('button', { name: label, exact: true });
}

export function airingsDayInput(page: Page, which: 'From day' | 'To day'): Locator {
  return airingsSection(page).getByLabel(which, { exact: true });
}

/** The line saying what the airings are narrowed to ("On red, 7 Dec 2026."). */
export function airingsNarrowed(page: Page): Locator {
  return airingsSection(page).locator('.airings-narrowed');
}

/** The channel names in a list of airings, top to bottom. */
export function channelsIn(list: Locator): Promise<string[]> {
  return list.locator(':scope > li .channel-label').allTextContents();
}

/** The date `daysAgo` UTC days before today, YYYY-MM-DD: seed_history.py counts days in UTC, the zone the suite's browser runs in. */
export function utcDaysAgo(daysAgo: number): string {
  return new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10);
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
