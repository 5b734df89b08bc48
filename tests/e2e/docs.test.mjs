// The API's documentation page (Swagger UI over /openapi.json), under the server's
// Content-Security-Policy for it.
import assert from 'node:assert/strict';

import { eventually } from './lib/eventually.mjs';
import { browserSuite } from './lib/suite.mjs';

const suite = browserSuite();

suite.scenario('the API documentation lists the routes, without a policy violation', async (page) => {
  await page.goto('/docs/');

  await eventually(async () => {
    const paths = await page.locator('.opblock-summary-path').allTextContents();
    for (const path of ['/channels', '/history', '/history/events', '/user', '/user/bookmarks']) {
      assert.ok(paths.some((shown) => shown.replace(/\u200b/g, '') === path), `${path} is not listed (${paths.join(', ')})`);
    }
  });
  assert.match(await page.locator('.info .title').textContent(), /\S/);
});
