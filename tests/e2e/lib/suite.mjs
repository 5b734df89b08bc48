// One browser, one context and one page per test file; scenarios run in order on that page, as one
// visitor would go through the app. Each scenario fails on any console error, uncaught exception
// or request off loopback during it, and leaves a screenshot of the page when it fails.
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, test } from 'node:test';

import { DESKTOP, launchBrowser, openWatchedContext } from './browser.mjs';
import { environment } from './environment.mjs';

const SCENARIO_TIMEOUT_MS = 120_000;

function fileNameFor(name) {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

export function browserSuite({ viewport = DESKTOP } = {}) {
  const problems = [];
  const suite = { browser: null, context: null, page: null };

  before(async () => {
    await mkdir(environment.artifacts, { recursive: true });
    suite.browser = await launchBrowser();
    suite.context = await openWatchedContext(suite.browser, { appOrigin: environment.appUrl, viewport, problems });
    suite.page = await suite.context.newPage();
  });

  after(async () => {
    await suite.browser?.close();
  });

  suite.scenario = (name, body) =>
    test(name, { timeout: SCENARIO_TIMEOUT_MS }, async () => {
      problems.length = 0;
      try {
        await body(suite.page);
      } catch (error) {
        const path = join(environment.artifacts, `failed-${fileNameFor(name)}.png`);
        await suite.page.screenshot({ path, fullPage: true }).catch(() => {});
        error.message += `\n(page at ${suite.page.url()}; screenshot ${path})`;
        throw error;
      }
      assert.deepEqual(problems, [], 'the browser reported problems on the app\'s pages');
    });

  return suite;
}
