// The API's documentation page (Swagger UI over /openapi.json), under the server's
// Content-Security-Policy for it.
import { expect, test } from './fixtures';

test('the API documentation lists the routes, without a policy violation', async ({ page }) => {
  await page.goto('/docs/');

  const shownPaths = async () =>
    // Swagger UI puts zero-width spaces into paths so that long ones can wrap.
    (await page.locator('.opblock-summary-path').allTextContents()).map((path) => path.replace(/\u200b/g, ''));
  await expect.poll(shownPaths).toEqual(expect.arrayContaining(['/channels', '/history', '/history/events', '/user', '/user/bookmarks']));
  await expect(page.locator('.info .title')).toHaveText(/\S/);
});
