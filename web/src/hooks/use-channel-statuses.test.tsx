import { renderHook } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import type { LiveStatus } from '../history/live-connection';
import { useReadAgainWhenLive } from './use-channel-statuses';

function renderWithStatus(initial: LiveStatus) {
  const onLive = vi.fn();
  const hook = renderHook(({ status }: { status: LiveStatus }) => useReadAgainWhenLive(status, onLive), {
    initialProps: { status: initial },
  });
  return { onLive, rerender: (status: LiveStatus) => hook.rerender({ status }) };
}

describe('reading the statuses again when the stream is live', () => {
  it('reads them once the stream first connects, since a change before that was never sent', () => {
    const { onLive, rerender } = renderWithStatus('connecting');
    expect(onLive).not.toHaveBeenCalled();
    rerender('live');
    expect(onLive).toHaveBeenCalledTimes(1);
    rerender('live');
    expect(onLive).toHaveBeenCalledTimes(1);
  });

  it('reads them again when the stream is back after a drop, and not while it is away or off', () => {
    const { onLive, rerender } = renderWithStatus('live');
    rerender('reconnecting');
    rerender('off');
    expect(onLive).not.toHaveBeenCalled();
    rerender('live');
    expect(onLive).toHaveBeenCalledTimes(1);
  });
});
