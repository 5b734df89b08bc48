import { act, fireEvent, render, screen } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { NetworkError } from '../../api/errors';
import { ToastContext, useToastState, useToasts } from '../../hooks/use-toasts';
import { Toasts } from './Toasts';

function Harness({ timeoutMs = 60_000 }: { timeoutMs?: number }) {
  const state = useToastState(timeoutMs);
  return (
    <ToastContext.Provider value={state.api}>
      <Buttons />
      <Toasts toasts={state.toasts} onDismiss={state.dismiss} />
    </ToastContext.Provider>
  );
}

function Buttons() {
  const toasts = useToasts();
  return (
    <>
      <button onClick={() => toasts.showError(new NetworkError())}>fail</button>
      <button onClick={() => toasts.showError(new DOMException('gone', 'AbortError'))}>abort</button>
      <button onClick={() => toasts.showError('weird')}>weird</button>
      <button onClick={() => toasts.show('Air - Playground Love is on red now', 'info', { href: '/songs/40', timeoutMs: 5_000 })}>
        linked
      </button>
    </>
  );
}

describe('toasts', () => {
  it('shows a network error once however often it happens, and can be dismissed', () => {
    render(<Harness />);
    fireEvent.click(screen.getByText('fail'));
    fireEvent.click(screen.getByText('fail'));
    expect(screen.getAllByRole('alert')).toHaveLength(1);
    expect(screen.getByRole('alert').textContent).toContain('The server could not be reached');
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss message' }));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('says nothing about a cancelled call, and something generic about an unknown failure', () => {
    render(<Harness />);
    fireEvent.click(screen.getByText('abort'));
    expect(screen.queryByRole('alert')).toBeNull();
    fireEvent.click(screen.getByText('weird'));
    expect(screen.getByRole('alert').textContent).toContain('Something went wrong');
  });

  it('goes away by itself', () => {
    vi.useFakeTimers();
    try {
      render(<Harness timeoutMs={1_000} />);
      fireEvent.click(screen.getByText('fail'));
      expect(screen.getAllByRole('alert')).toHaveLength(1);
      act(() => {
        vi.advanceTimersByTime(1_001);
      });
    } finally {
      vi.useRealTimers();
    }
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('makes a message with a destination a link, kept for its own time', () => {
    vi.useFakeTimers();
    try {
      render(<Harness timeoutMs={1_000} />);
      fireEvent.click(screen.getByText('linked'));
      expect(screen.getByRole('status')).toContainElement(screen.getByRole('link', { name: 'Air - Playground Love is on red now' }));
      expect(screen.getByRole('link', { name: /Playground Love/ })).toHaveAttribute('href', '/songs/40');
      act(() => {
        vi.advanceTimersByTime(1_001);
      });
      expect(screen.getByRole('status')).toBeInTheDocument();
      act(() => {
        vi.advanceTimersByTime(4_000);
      });
    } finally {
      vi.useRealTimers();
    }
    expect(screen.queryByRole('status')).toBeNull();
  });
});
