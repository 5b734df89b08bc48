import { fireEvent, render, screen } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { BookmarkButton } from './BookmarkButton';

describe('BookmarkButton', () => {
  it('toggles when signed in', () => {
    const onToggle = vi.fn();
    render(<BookmarkButton title="Song" bookmarked={false} signedIn pending={false} onToggle={onToggle} />);
    const button = screen.getByRole('button', { name: 'Bookmark Song' });
    expect(button).toHaveAttribute('aria-pressed', 'false');
    expect(button).toHaveAttribute('aria-disabled', 'false');
    fireEvent.click(button);
    expect(onToggle).toHaveBeenCalledOnce();
  });

  it('offers removal when bookmarked', () => {
    render(<BookmarkButton title="Song" bookmarked signedIn pending={false} onToggle={() => undefined} />);
    expect(screen.getByRole('button', { name: 'Remove bookmark: Song' })).toHaveAttribute('aria-pressed', 'true');
  });

  it('does nothing while a call is pending or when signed out', () => {
    const onToggle = vi.fn();
    const { rerender } = render(<BookmarkButton title="Song" bookmarked={false} signedIn pending onToggle={onToggle} />);
    fireEvent.click(screen.getByRole('button'));
    rerender(<BookmarkButton title="Song" bookmarked={false} signedIn={false} pending={false} onToggle={onToggle} />);
    const button = screen.getByRole('button');
    expect(button).toHaveAttribute('aria-disabled', 'true');
    expect(button).toHaveAttribute('title', 'Sign in to bookmark songs');
    fireEvent.click(button);
    expect(onToggle).not.toHaveBeenCalled();
  });
});
