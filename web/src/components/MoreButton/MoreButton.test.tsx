import { fireEvent, render, screen } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { EMPTY_PAGED_LIST } from '../../lists/paged-list';
import { MoreButton } from './MoreButton';

function pages(hasMore: boolean, loadingMore: boolean, loadMore = () => undefined) {
  return { list: { ...EMPTY_PAGED_LIST, hasMore }, loadingMore, loadMore };
}

describe('MoreButton', () => {
  it('asks for more', () => {
    const loadMore = vi.fn();
    render(<MoreButton pages={pages(true, false, loadMore)} what="songs" endText="End." />);
    fireEvent.click(screen.getByRole('button', { name: 'More songs' }));
    expect(loadMore).toHaveBeenCalledOnce();
  });

  it('waits, with a spinner, while loading', () => {
    render(<MoreButton pages={pages(true, true)} what="songs" endText="End." />);
    const button = screen.getByRole<HTMLButtonElement>('button', { name: 'More songs' });
    expect(button).toBeDisabled();
    expect(screen.getByText('Loading more songs…').parentElement).toHaveAttribute('role', 'status');
  });

  it('says when there is nothing more', () => {
    render(<MoreButton pages={pages(false, false)} what="songs" endText="End." />);
    expect(screen.queryByRole('button')).toBeNull();
    expect(screen.getByText('End.')).toBeInTheDocument();
  });
});
