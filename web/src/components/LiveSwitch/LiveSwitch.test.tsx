import { fireEvent, render, screen } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { LiveSwitch } from './LiveSwitch';

describe('LiveSwitch', () => {
  it.each([
    ['live', 'Live'],
    ['connecting', 'Connecting…'],
    ['reconnecting', 'Reconnecting…'],
    ['off', 'Off'],
  ] as const)('shows the %s state', (status, text) => {
    render(<LiveSwitch enabled={status !== 'off'} status={status} onChange={() => undefined} />);
    expect(screen.getByRole('status').textContent).toBe(text);
  });

  it('is a labelled switch that reports changes', () => {
    const onChange = vi.fn();
    render(<LiveSwitch enabled status="live" onChange={onChange} />);
    const toggle = screen.getByRole<HTMLInputElement>('switch', { name: 'Live updates' });
    expect(toggle).toBeChecked();
    fireEvent.click(toggle);
    expect(onChange).toHaveBeenCalledWith(false);
  });
});
