// The scenarios' `test` and `expect`: every page is watched for problems (a scenario fails on any
// of them), and `signedIn` gives a page whose visitor has signed in at the test provider.
import { test as base, expect, type Page } from '@playwright/test';

import { header, openApp, signInLink, signOutLink } from './lib/app';
import { type Account, environment, freshAccount } from './lib/environment';
import { type ExpectedAnswer, watchContext } from './lib/watch';

/** Signs in through the app's link and the provider's login form, back on the history page. */
export async function signIn(page: Page, account: Account): Promise<void> {
  await openApp(page, '/');
  await signInLink(page).click();
  await page.waitForURL((url) => url.origin === environment.issuer && url.pathname.startsWith('/interaction/'));
  await page.getByPlaceholder('Enter any login').fill(account.login);
  await page.getByPlaceholder('and any password').fill(account.password);
  await page.getByRole('button', { name: 'Sign-in' }).click();
  await page.waitForURL((url) => url.origin === environment.appUrl && url.pathname === '/');
  await expect(header(page).getByText(account.name, { exact: true })).toBeVisible();
  await expect(signOutLink(page)).toBeVisible();
}

interface Fixtures {
  /** Error answers the scenario causes on purpose (push before causing them); not problems. */
  expectedAnswers: ExpectedAnswer[];
  /** What went wrong on the app's pages during the scenario; it fails when this is not empty. */
  problems: string[];
  /** An account of the scenario's own, signed in on `page`. */
  signedIn: Account;
}

export const test = base.extend<Fixtures>({
  // (An empty pattern: Playwright reads a fixture's dependencies from it, and this one has none.)
  expectedAnswers: async ({}, use) => {
    await use([]);
  },
  problems: [
    async ({ context, expectedAnswers }, use) => {
      const problems: string[] = [];
      await watchContext(context, environment.appUrl, problems, expectedAnswers);
      await use(problems);
      expect(problems, "the browser reported problems on the app's pages").toEqual([]);
    },
    { auto: true },
  ],
  signedIn: async ({ page }, use, testInfo) => {
    const account = freshAccount(`visitor${testInfo.workerIndex}`);
    await signIn(page, account);
    await use(account);
  },
});

export { expect };
