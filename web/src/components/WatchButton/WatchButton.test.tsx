import { fireEvent, render, screen } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import type { Watch } from '../../api/types';
import { WatchesContext, type WatchesState } from '../../hooks/use-watches';
import { findWatch, targetKey } from '../../watches/watch-targets';
import { WatchButton } from './WatchButton';

const WATCH: Watch = {
  id: 3,
  kind: 'artist',
  value: 'Sigur Rós',
  song_id: null,
  channel_id: null,
  created_at: '2026-12-05T07:00:00+00:00',
  feed_url: 'http://h/feeds/watches/t.atom',
};

function state(overrides: Partial<WatchesState>): WatchesState {
  const watches = overrides.watches ?? [];
  return {
    signedIn: true,
    status: 'ready',
    watches,
    feedUrl: null,
    pending: new Set(),
    find: (draft) => findWatch(watches, draft),
    toggle: vi.fn(),
    remove: vi.fn(),
    renewFeed: vi.fn(),
    unseen: 0,
    markSeen: vi.fn(),
    retry: vi.fn(),
    ...overrides,
  };
}

function renderBell(watches: WatchesState, withText = false) {
  render(
    <WatchesContext.Provider value={watches}>
      <WatchButton draft={{ kind: 'artist', value: 'sigur ros' }} what="songs by Sigur Rós" withText={withText} />
    </WatchesContext.Provider>,
  );
  return screen.getByRole('button', { name: /^Notify me about songs by Sigur Rós/ });
}

describe('WatchButton', () => {
  it('toggles the watch, its pressed state showing whether it is on', () => {
    const off = state({});
    const bell = renderBell(off, true);
    expect(bell).toHaveAttribute('aria-pressed', 'false');
    expect(bell).toHaveTextContent('Notify me');
    fireEvent.click(bell);
    expect(off.toggle).toHaveBeenCalledWith({ kind: 'artist', value: 'sigur ros' });
  });

  it('is pressed when a watch of the same target exists (case and diacritics aside)', () => {
    expect(renderBell(state({ watches: [WATCH] }))).toHaveAttribute('aria-pressed', 'true');
  });

  it('waits while its call is in flight', () => {
    const busy = state({ pending: new Set([targetKey({ kind: 'artist', value: 'Sigur Ros' })]) });
    const bell = renderBell(busy);
    expect(bell).toHaveAttribute('aria-busy', 'true');
    fireEvent.click(bell);
    expect(busy.toggle).not.toHaveBeenCalled();
  });

  it('tells a visitor to sign in, as the heart does', () => {
    const signedOut = state({ signedIn: false });
    const bell = renderBell(signedOut);
    expect(bell).toHaveAccessibleName('Notify me about songs by Sigur Rós (sign in to get notified)');
    expect(bell).toHaveAttribute('aria-disabled', 'true');
    expect(bell).toHaveAttribute('title', 'Sign in to get notified');
    fireEvent.click(bell);
    expect(signedOut.toggle).not.toHaveBeenCalled();
  });
});
