import { fireEvent, render, screen } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import type { ResourceState } from '../../hooks/use-resource';
import { ResourceStatus } from './ResourceStatus';

function show(state: ResourceState<number>, retry = () => undefined) {
  return render(<ResourceStatus state={state} retry={retry} loading="Loading the song…" failed="The song could not be loaded." />);
}

describe('ResourceStatus', () => {
  it('shows a spinner while loading', () => {
    show({ status: 'loading' });
    expect(screen.getByRole('status')).toHaveTextContent('Loading the song…');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('offers to try again once it failed, a 404 too', () => {
    for (const state of [{ status: 'error', error: new Error('x') }, { status: 'missing' }] as const) {
      const retry = vi.fn();
      const { unmount } = show(state, retry);
      expect(screen.getByRole('alert')).toHaveTextContent('The song could not be loaded.');
      fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
      expect(retry).toHaveBeenCalledOnce();
      unmount();
    }
  });

  it('shows nothing once ready', () => {
    const { container } = show({ status: 'ready', value: 1 });
    expect(container).toBeEmptyDOMElement();
  });
});
