// How the app's pages look to a visitor: the parts the scenarios read and press, found by role and
// accessible name where the app gives them one.

export function historyList(page) {
  return page.getByRole('list', { name: 'Songs played, newest first' });
}

export function historyRows(page) {
  return historyList(page).locator(':scope > li');
}

/** The rows on screen, top to bottom: id, title, channel name, whether highlighted as live. */
export function readHistoryRows(page) {
  return historyRows(page).evaluateAll((rows) =>
    rows.map((row) => ({
      id: Number(row.dataset.id),
      title: row.querySelector('.song-title')?.textContent ?? '',
      channel: row.querySelector('.channel-label')?.textContent ?? '',
      live: row.classList.contains('is-live'),
    })),
  );
}

export function nowPlayingCard(page, channelName) {
  return page.getByRole('article', { name: `Channel ${channelName}` });
}

export function channelFilter(page) {
  return page.getByRole('group', { name: 'Filter history by channel' });
}

export function filterButton(page, label) {
  return channelFilter(page).getByRole('button', { name: label, exact: true });
}

export function moreButton(page, what = 'songs') {
  return page.getByRole('button', { name: `More ${what}` });
}

export function liveStatus(page) {
  return page.locator('.live-status');
}

export function header(page) {
  return page.getByRole('banner');
}

export function signInLink(page) {
  return header(page).getByRole('link', { name: 'Sign in with Google' });
}

export function signOutLink(page) {
  return header(page).getByRole('link', { name: 'Sign out' });
}

export function navLink(page, name) {
  return page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true });
}

/** The heart of a history row: its name says what pressing it does. */
export function bookmarkButtonInRow(row, title) {
  return row.getByRole('button', { name: new RegExp(`^(Bookmark|Remove bookmark:) ${escapeRegExp(title)}`) });
}

export function bookmarkList(page) {
  return page.getByRole('list', { name: 'Your bookmarks, newest first' });
}

function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Opens a page of the app and waits for it to say it is loaded (history or bookmarks). */
export async function openApp(page, path = '/') {
  await page.goto(path);
  await page.locator('main').waitFor();
}
