// Screenshots of a page at desktop width and at 375 px, for people to look at (artifacts/).
import assert from 'node:assert/strict';
import { join } from 'node:path';

import { DESKTOP, PHONE } from './browser.mjs';
import { environment } from './environment.mjs';
import { eventually } from './eventually.mjs';

/** Writes <name>-desktop.png and <name>-375.png; at 375 px nothing may stick out sideways. */
export async function screenshotAtBothWidths(page, name) {
  const restore = page.viewportSize() ?? DESKTOP;
  const written = [];
  try {
    for (const [label, viewport] of [['desktop', DESKTOP], ['375', PHONE]]) {
      await page.setViewportSize(viewport);
      if (viewport === PHONE) await assertNoSidewaysScroll(page);
      const path = join(environment.artifacts, `${name}-${label}.png`);
      await page.screenshot({ path, fullPage: true, animations: 'disabled' });
      written.push(path);
    }
  } finally {
    await page.setViewportSize(restore);
  }
  return written;
}

async function assertNoSidewaysScroll(page) {
  await eventually(async () => {
    const { scrollWidth, clientWidth } = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      clientWidth: document.documentElement.clientWidth,
    }));
    assert.ok(scrollWidth <= clientWidth, `the page is ${scrollWidth} px wide in a ${clientWidth} px window`);
  });
}
