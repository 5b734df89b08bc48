import { fireEvent, render, screen } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { MoreButton } from './MoreButton';

describe('MoreButton', () => {
  it('asks for more', () => {
    const onMore = vi.fn();
    render(<MoreButton hasMore loading={false} onMore={onMore} what="songs" endText="End." />);
    fireEvent.click(screen.getByRole('button', { name: 'More songs' }));
    expect(onMore).toHaveBeenCalledOnce();
  });

  it('waits, with a spinner, while loading', () => {
    render(<MoreButton hasMore loading onMore={() => undefined} what="songs" endText="End." />);
    const button = screen.getByRole<HTMLButtonElement>('button', { name: 'More songs' });
    expect(button).toBeDisabled();
    expect(screen.getByText('Loading more songs…').parentElement).toHaveAttribute('role', 'status');
  });

  it('says when there is nothing more', () => {
    render(<MoreButton hasMore={false} loading={false} onMore={() => undefined} what="songs" endText="End." />);
    expect(screen.queryByRole('button')).toBeNull();
    expect(screen.getByText('End.')).toBeInTheDocument();
  });
});
