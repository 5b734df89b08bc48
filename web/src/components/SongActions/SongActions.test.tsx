import { fireEvent, render, screen } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { historyItem } from '../../test/fixtures';
import { SongActions } from './SongActions';

describe('SongActions', () => {
  const item = historyItem(4, { song_id: 40, song_title: 'Air - Playground Love', bookmark_id: 12 });

  it('searches for the song elsewhere and toggles the bookmark of that play', () => {
    const toggle = vi.fn();
    render(<SongActions item={item} bookmarking={{ signedIn: true, pending: new Set(), toggle }} class="actions" />);
    expect(screen.getByRole('link', { name: /Search YouTube for Air - Playground Love/ })).toHaveAttribute(
      'href',
      'https://www.youtube.com/results?search_query=Air+-+Playground+Love',
    );
    expect(screen.getByRole('link', { name: /Search SoundCloud for Air - Playground Love/ })).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Remove bookmark: Air - Playground Love' }));
    expect(toggle).toHaveBeenCalledWith(item);
  });

  it('makes the heart wait while a call for its song is in flight', () => {
    const toggle = vi.fn();
    render(<SongActions item={item} bookmarking={{ signedIn: true, pending: new Set([40]), toggle }} class="actions" />);
    const heart = screen.getByRole('button', { name: 'Remove bookmark: Air - Playground Love' });
    expect(heart).toHaveAttribute('aria-busy', 'true');
    fireEvent.click(heart);
    expect(toggle).not.toHaveBeenCalled();
  });
});
