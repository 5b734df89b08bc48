// What a visitor on a keyboard or with assistive technology meets: axe-core's verdict on a page,
// and reaching a control with Tab alone.
import AxeBuilder from '@axe-core/playwright';
import { expect, type Locator, type Page } from '@playwright/test';

const BLOCKING_IMPACTS = ['serious', 'critical'];

/** axe-core over the whole page as it is now: no serious or critical violation. */
export async function expectNoSeriousAccessibilityViolation(page: Page): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const blocking = violations
    .filter((violation) => BLOCKING_IMPACTS.includes(violation.impact ?? ''))
    .map(
      (violation) =>
        `${violation.impact} ${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`,
    );
  expect(blocking, `serious or critical accessibility violations on ${page.url()}`).toEqual([]);
}

/** Presses Tab until `target` has the focus; fails when it never gets it. */
export async function tabTo(page: Page, target: Locator, { most = 80 } = {}): Promise<void> {
  await target.waitFor();
  for (let presses = 0; presses < most; presses += 1) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((element) => element === document.activeElement)) return;
  }
  throw new Error(`${target} was not reached within ${most} presses of Tab`);
}
