import { fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderApp, standardBackend } from '../../test/render-app';
import { SEARCH_DEBOUNCE_MS } from './SearchBox';

const NARROWED = 'channel_id=2&from=2026-12-07T00:00:00%2B01:00&to=2026-12-09T00:00:00%2B01:00';

function searchInput() {
  return screen.getByRole('searchbox', { name: 'Search songs' });
}

function address(): string {
  return window.location.pathname + window.location.search;
}

/** Types `text` into the header's box and lets the pause pass. */
function typeAndPause(text: string) {
  vi.useFakeTimers({ shouldAdvanceTime: true });
  fireEvent.input(searchInput(), { target: { value: text } });
  vi.advanceTimersByTime(SEARCH_DEBOUNCE_MS + 10);
}

describe('the header’s search box', () => {
  afterEach(() => vi.useRealTimers());

  it('keeps the airings’ channel and days when the words change on the search page', async () => {
    renderApp(standardBackend({ catalog: () => ({ body: [] }) }), `/search?q=love&${NARROWED}`);
    expect(searchInput()).toHaveValue('love');
    const steps = window.history.length;
    typeAndPause('love song');
    await waitFor(() => expect(address()).toBe(`/search?q=love+song&${NARROWED}`));
    expect(window.history.length).toBe(steps);
  });

  it('starts a plain search from any other page, whatever its address holds', async () => {
    renderApp(standardBackend({ catalog: () => ({ body: [] }) }), '/charts?channel_id=2');
    typeAndPause('love');
    await waitFor(() => expect(address()).toBe('/search?q=love'));
  });
});
