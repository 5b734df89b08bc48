import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { HistoryItem } from '../../api/types';
import { HEART_DELAY_KEY } from '../../history/heart-delay';
import { ApiContext } from '../../hooks/use-api';
import { createFakeBackend } from '../../test/fake-backend';
import { CHANNELS, historyItem } from '../../test/fixtures';
import { NowPlayingCards } from './NowPlayingCards';

const CHANGED = '2026-12-05T07:00:00.000Z';
const NOW_PLAYING = historyItem(5, { channel_id: 1, song_id: 50, song_title: 'Air - Playground Love', created_at: CHANGED });
const BEFORE = historyItem(4, { channel_id: 1, song_id: 40, song_title: 'Sigur Rós - Hoppípolla', created_at: '2026-12-05T06:56:00Z' });

function renderCards(secondsAfterChange: number) {
  const backend = createFakeBackend((request) =>
    request.url.pathname === '/history' && request.url.searchParams.get('before') === '5' ? { body: [BEFORE] } : { status: 404 },
  );
  const toggle = vi.fn<(item: HistoryItem) => void>();
  render(
    <ApiContext.Provider value={backend.api}>
      <NowPlayingCards
        channels={CHANNELS}
        nowPlaying={new Map([[1, NOW_PLAYING]])}
        loading={new Set()}
        failed={new Set()}
        bookmarking={{ signedIn: true, pending: new Set(), toggle }}
        clock={() => Date.parse(CHANGED) + secondsAfterChange * 1000}
      />
    </ApiContext.Provider>,
  );
  const heart = screen.getByRole('button', { name: 'Bookmark Air - Playground Love' });
  return { backend, toggle, heart };
}

describe('the delay-aware heart on a now-playing card', () => {
  afterEach(() => window.localStorage.clear());

  it('asks "this one or the one before?" just after a change, and bookmarks the one chosen', async () => {
    const { backend, toggle, heart } = renderCards(10);
    fireEvent.click(heart);
    const dialog = screen.getByRole('dialog', { name: 'This one or the one before?' });
    expect(toggle).not.toHaveBeenCalled();
    const before = await screen.findByRole('button', { name: /The one before\s*Sigur Rós - Hoppípolla/ });
    expect(backend.requestsTo('/history')[0]!.url.search).toBe('?channel_id=1&limit=1&before=5');
    expect(dialog).toContainElement(screen.getByRole('button', { name: /This one\s*Air - Playground Love/ }));
    fireEvent.click(before);
    expect(toggle).toHaveBeenCalledWith(BEFORE);
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(heart).toHaveFocus();
  });

  it('closes on Escape without bookmarking', async () => {
    const { toggle, heart } = renderCards(3);
    fireEvent.click(heart);
    const first = screen.getByRole('button', { name: /This one/ });
    await waitFor(() => expect(first).toHaveFocus());
    fireEvent.keyDown(first, { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(toggle).not.toHaveBeenCalled();
  });

  it('bookmarks at once later than the delay', () => {
    const late = renderCards(31);
    fireEvent.click(late.heart);
    expect(late.toggle).toHaveBeenCalledWith(NOW_PLAYING);
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('never asks with the delay set to 0', () => {
    window.localStorage.setItem(HEART_DELAY_KEY, '0');
    const { toggle, heart } = renderCards(1);
    fireEvent.click(heart);
    expect(toggle).toHaveBeenCalledWith(NOW_PLAYING);
  });
});
