// The now-playing card other sites embed (issue 15, point 4): the app's channel view offers the
// iframe HTML with a copy button; pasted into a page of another origin, the card shows what the
// station plays and follows it live; on its own it passes the accessibility scan.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from './fixtures';
import { expectNoSeriousAccessibilityViolation } from './lib/accessibility';
import { openApp } from './lib/app';
import { environment } from './lib/environment';
import { screenshotAtBothWidths } from './lib/screenshots';
import { freshTitle, playOnStation, titleOnStation } from './lib/stations';

const station = environment.channelNames[0]!;
// A page of another origin than the app's, served on loopback by the test itself: Chromium lets
// only pages of local addresses frame loopback ones (Private Network Access), so a page that
// Playwright merely answers (no address) would not do.
async function serveEmbedder(html: string): Promise<{ url: string; close: () => Promise<void> }> {
  const server = createServer((_request, response) => {
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    response.end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.2', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.2:${port}/`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

async function channelId(request: import('@playwright/test').APIRequestContext): Promise<number> {
  const channels = (await (await request.get(`${environment.appUrl}/channels`)).json()) as { id: number; name: string }[];
  return channels.find((channel) => channel.name === station)!.id;
}

test('a channel embedded on another site: the snippet from the app, the card live inside the iframe', async ({ page, context }) => {
  const id = await channelId(page.request);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: environment.appUrl });
  await openApp(page, `/?channel=${id}`);
  await page.getByText(`Embed ${station} on your site`).click();
  const field = page.getByLabel('HTML to paste into your page');
  const snippet = await field.inputValue();
  expect(snippet).toContain(`src="${environment.appUrl}/embed/channels/${id}"`);
  await page.getByRole('button', { name: 'Copy' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Copied.' })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(snippet);

  const embedder = await serveEmbedder(
    `<!doctype html><html lang="en"><title>A radio fan's blog</title><h1>My favourite station</h1>${snippet}`,
  );
  try {
    expect(new URL(embedder.url).origin).not.toBe(new URL(environment.appUrl).origin);
    await page.goto(embedder.url);
    const card = page.frameLocator('iframe');
    await expect(card.locator('.channel')).toHaveText(station);
    await expect(card.locator('#title')).toHaveText(await titleOnStation(station));

    const next = freshTitle('Embedded');
    await playOnStation(station, next);
    await expect(card.locator('#title')).toHaveText(next, { timeout: 15_000 });
    await expect(card.locator('#status')).toHaveText('Live');
    await screenshotAtBothWidths(page, 'embed-on-another-site');
  } finally {
    await embedder.close();
  }
});

test('the embeddable card passes the accessibility scan, light and dark', async ({ page }) => {
  const id = await channelId(page.request);
  for (const theme of ['light', 'dark']) {
    await page.goto(`${environment.appUrl}/embed/channels/${id}?theme=${theme}`);
    await expect(page.locator('#title')).not.toBeEmpty();
    await expectNoSeriousAccessibilityViolation(page);
  }
});
