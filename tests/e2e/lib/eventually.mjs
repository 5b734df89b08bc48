// Waiting for the page to show something: the browser and the crawler move on their own clock.
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Runs `check` (which throws, e.g. with node:assert, until the page shows what it should) until it
 * passes, and returns its result. After `timeout` ms the last failure is the test's failure. The
 * limit is only how long to wait for a broken app, never something the tests measure.
 */
export async function eventually(check, { timeout = 20_000, interval = 100 } = {}) {
  const deadline = Date.now() + timeout;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() >= deadline) throw error;
    }
    await sleep(interval);
  }
}
