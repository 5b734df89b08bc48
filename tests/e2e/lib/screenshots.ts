// Screenshots of a page at desktop width and at 375 px, for people to look at (artifacts/).
import { expect, type Page } from '@playwright/test';
import { join } from 'node:path';

import { environment } from './environment';

export const DESKTOP = { width: 1280, height: 900 };
export const PHONE = { width: 375, height: 812 };

/** Writes <name>-desktop.png and <name>-375.png; at 375 px nothing may stick out sideways. */
export async function screenshotAtBothWidths(page: Page, name: string): Promise<void> {
  const restore = page.viewportSize() ?? DESKTOP;
  try {
    for (const [label, viewport] of [
      ['desktop', DESKTOP],
      ['375', PHONE],
    ] as const) {
      await page.setViewportSize(viewport);
      if (viewport === PHONE) await expectNoSidewaysScroll(page);
      await page.screenshot({ path: join(environment.artifacts, `${name}-${label}.png`), fullPage: true, animations: 'disabled' });
    }
  } finally {
    await page.setViewportSize(restore);
  }
}

async function expectNoSidewaysScroll(page: Page): Promise<void> {
  await expect
    .poll(() => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), {
      message: 'the page is wider than the 375 px window',
    })
    .toBeLessThanOrEqual(0);
}
