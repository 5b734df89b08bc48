// What counts as a problem on the app's pages, and the guard that keeps the browser on loopback.
import type { BrowserContext, Page, Request } from '@playwright/test';

// All of 127.0.0.0/8 is loopback: the embed scenario serves its other-origin page on 127.0.0.2.
function isLoopback(url: URL): boolean {
  return /^127(\.\d{1,3}){3}$/.test(url.hostname) || url.hostname === '[::1]';
}

function originOf(text: string): string {
  try {
    return new URL(text).origin;
  } catch {
    return '';
  }
}

// Chromium logs every non-2xx answer to a fetch as a console error; the answers themselves are
// judged below instead, where the one that is expected can be told apart.
const FAILED_RESOURCE = /^Failed to load resource: the server responded with a status of \d+/;

/** An error answer a scenario means to cause, such as a 404 for a song that does not exist. */
export interface ExpectedAnswer {
  method: string;
  path: string;
  status: number;
}

/** Answers the app asks for and is meant to get: who is signed in, while nobody is; and what the scenario expects. */
function isExpectedAnswer(request: Request, status: number, expected: readonly ExpectedAnswer[]): boolean {
  const path = new URL(request.url()).pathname;
  if (status === 401 && request.method() === 'GET' && path === '/user') return true;
  return expected.some((answer) => answer.status === status && answer.method === request.method() && answer.path === path);
}

/**
 * Reports into `problems`, on the app's pages (`appOrigin`; the identity provider's pages are not
 * ours to judge): every console error, uncaught exception, failed request and error answer from
 * the app's server bar the expected ones; and every request to anything but loopback, which it
 * also blocks. `expected` holds the error answers the scenario causes on purpose.
 */
export async function watchContext(
  context: BrowserContext,
  appOrigin: string,
  problems: string[],
  expected: readonly ExpectedAnswer[] = [],
): Promise<void> {
  const onAppPage = (page: Page | null | undefined) => originOf(page?.url() ?? '') === appOrigin;
  await context.route(
    (url) => !isLoopback(url),
    (route) => {
      problems.push(`request off loopback: ${route.request().method()} ${route.request().url()}`);
      return route.abort('blockedbyclient');
    },
  );
  context.on('console', (message) => {
    if (message.type() !== 'error' || !onAppPage(message.page())) return;
    if (FAILED_RESOURCE.test(message.text())) return;
    const { url, lineNumber } = message.location();
    problems.push(`console error on ${message.page()?.url()}: ${message.text()}${url ? ` (${url}:${lineNumber})` : ''}`);
  });
  context.on('weberror', (webError) => {
    if (!onAppPage(webError.page())) return;
    problems.push(`uncaught error on ${webError.page()?.url()}: ${webError.error().stack ?? webError.error()}`);
  });
  context.on('response', (response) => {
    const request = response.request();
    if (originOf(request.url()) !== appOrigin || response.status() < 400) return;
    if (isExpectedAnswer(request, response.status(), expected)) return;
    problems.push(`${request.method()} ${request.url()} answered ${response.status()}`);
  });
  context.on('requestfailed', (request) => {
    const reason = request.failure()?.errorText ?? 'failed';
    // Leaving a page cancels what it still loads (the live stream, for one): not a failure.
    if (reason === 'net::ERR_ABORTED') return;
    if (!onAppPage(request.frame()?.page())) return;
    problems.push(`${request.method()} ${request.url()} failed: ${reason}`);
  });
}
