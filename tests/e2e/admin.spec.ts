// Channels managed from the web (issue 14, point 10): the admin `run` names in API_ADMINS adds a
// channel after testing its station, sees it recorded, pauses and resumes it, and deletes it with
// its history, while a listener's open history page shows the channel come and go live; anybody
// else is told the page is not theirs, and the API refuses them.
import type { Page } from '@playwright/test';

import { expect, signIn, test } from './fixtures';
import { channelHealth, liveStatus, navLink, nowPlayingCard, openApp, rowWithTitle } from './lib/app';
import { adminAccount, environment } from './lib/environment';
import { screenshotAtBothWidths } from './lib/screenshots';
import { freshTitle, playOnStation, requestsToStation } from './lib/stations';

function channelRow(page: Page, name: string) {
  return page.getByRole('list', { name: 'Channels' }).getByRole('listitem', { name });
}

/** Waits until the crawler has polled `station` at least `rounds` more times: time passes by the crawler's clock. */
async function waitForPolls(station: string, rounds: number): Promise<void> {
  const start = await requestsToStation(station);
  await expect.poll(() => requestsToStation(station), { timeout: 30_000 }).toBeGreaterThanOrEqual(start + rounds);
}

test('an admin adds a channel after testing its station, it records; paused it stops, resumed it records again; then it is deleted', async ({
  page,
  context,
  expectedAnswers,
}) => {
  // A station of its own, new on the emulator, and a name no other run used (at most 10 characters).
  const name = `a${Date.now().toString(36).slice(-6)}`;
  const url = `${environment.emulatorUrl}/${name}/display.js`;
  const firstTitle = freshTitle(name);
  await playOnStation(name, firstTitle);

  await signIn(page, adminAccount);
  // A listener's history page, open all along: the new channel's card comes and goes live.
  const listener = await context.newPage();
  await openApp(listener, '/');
  await expect(liveStatus(listener)).toHaveText('Live');
  await navLink(page, 'Channels').click();
  await expect(page).toHaveURL(/\/admin\/channels$/);
  await expect(page.getByRole('heading', { name: 'Manage channels' })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Channels' }).getByRole('listitem')).toHaveCount(environment.channelNames.length);

  const form = page.getByRole('region', { name: 'Add a channel' });
  await form.getByLabel('Name').fill(name);
  await form.getByLabel('Now-playing address').fill(url);
  await form.getByRole('button', { name: 'Test' }).click();
  await expect(form.getByRole('status')).toHaveText(`Read it: format Voscast, playing “${firstTitle}”.`);
  await screenshotAtBothWidths(page, 'admin-channels');
  await form.getByRole('button', { name: 'Add channel' }).click();
  await expect(channelRow(page, name)).toContainText(url);
  await expect(form.getByLabel('Name')).toHaveValue('');
  await expect(nowPlayingCard(listener, name)).toBeVisible();

  try {
    // It records: its card and the history show what the station plays.
    await openApp(page, '/');
    await expect(nowPlayingCard(page, name).locator('.song-title')).toHaveText(firstTitle);
    await expect(rowWithTitle(page, firstTitle)).toHaveCount(1);

    // Paused: the card says so, and the station is not asked any more, so a new song is not recorded.
    await openApp(page, '/admin/channels');
    await channelRow(page, name)
      .getByRole('button', { name: `Pause ${name}` })
      .click();
    await expect(channelRow(page, name).locator('.channel-state')).toHaveText('Paused');
    await openApp(page, '/');
    await expect(channelHealth(page, name)).toHaveText('Paused');
    const unheard = freshTitle(name);
    await playOnStation(name, unheard);
    const asked = await requestsToStation(name);
    await waitForPolls(environment.channelNames[0]!, 3);
    expect(await requestsToStation(name), 'a paused station is not polled').toBe(asked);
    await expect(rowWithTitle(page, unheard)).toHaveCount(0);
    await expect(nowPlayingCard(page, name).locator('.song-title')).toHaveText(firstTitle);

    // Resumed: recorded again.
    await openApp(page, '/admin/channels');
    await channelRow(page, name)
      .getByRole('button', { name: `Resume ${name}` })
      .click();
    await expect(channelRow(page, name).getByRole('button', { name: `Pause ${name}` })).toBeVisible();
    await openApp(page, '/');
    await expect(nowPlayingCard(page, name).locator('.song-title')).toHaveText(unheard);
    await expect(channelHealth(page, name)).toHaveCount(0);
  } finally {
    // Deleted with its history, after a confirmation (the server first refuses: it has history).
    await openApp(page, '/admin/channels');
    expectedAnswers.push({
      method: 'DELETE',
      path: `/channels/${await channelRow(page, name).getAttribute('data-channel-id')}`,
      status: 409,
    });
    await channelRow(page, name)
      .getByRole('button', { name: `Delete ${name}` })
      .click();
    const dialog = page.getByRole('alertdialog', { name: `Delete ${name}` });
    await dialog.getByRole('button', { name: 'Delete', exact: true }).click();
    await expect(dialog).toContainText('has recorded history');
    await dialog.getByRole('button', { name: 'Delete with its history' }).click();
    await expect(channelRow(page, name)).toHaveCount(0);
  }
  await expect(nowPlayingCard(listener, name)).toHaveCount(0);
  await expect(listener.getByRole('article', { name: /^Channel / })).toHaveCount(environment.channelNames.length);
  await page.reload();
  await expect(page.getByRole('list', { name: 'Channels' }).getByRole('listitem')).toHaveCount(environment.channelNames.length);
});

test('a visitor who is not an admin is told so, sees no link, and the API refuses them (403)', async ({
  page,
  signedIn: _,
  expectedAnswers,
}) => {
  await expect(navLink(page, 'Channels')).toHaveCount(0);
  await openApp(page, '/admin/channels');
  await expect(page.getByRole('alert')).toContainText('Only administrators can manage channels');
  await expect(page.getByRole('region', { name: 'Add a channel' })).toHaveCount(0);

  expectedAnswers.push({ method: 'POST', path: '/channels', status: 403 });
  const status = await page.evaluate(async () => {
    const csrf = document.cookie.match(/(?:^|; )nicecream_history_csrf=([^;]*)/)?.[1] ?? '';
    const response = await fetch('/channels', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Csrf-Token': decodeURIComponent(csrf) },
      body: JSON.stringify({ name: 'nope', url: 'http://127.0.0.1:1/x' }),
    });
    return response.status;
  });
  expect(status).toBe(403);
});

test('a signed-out visitor is asked to sign in', async ({ page }) => {
  await openApp(page, '/admin/channels');
  await expect(page.getByText('Channels are managed by administrators. Sign in to continue.')).toBeVisible();
  await expect(navLink(page, 'Channels')).toHaveCount(0);
});
