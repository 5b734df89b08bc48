import { describe, expect, it } from 'vitest';
import { chartWindow, movement } from './chart-window';

describe('charts', () => {
  it('covers the last 7, 30 or 365 days to the minute', () => {
    const now = new Date('2026-12-04T17:05:42.123Z');
    expect(chartWindow('week', now)).toEqual({ from: '2026-11-27T17:05:00.000Z', to: '2026-12-04T17:05:00.000Z' });
    expect(chartWindow('month', now).from).toBe('2026-11-04T17:05:00.000Z');
    expect(chartWindow('year', now).from).toBe('2025-12-04T17:05:00.000Z');
  });

  it('tells the movement since the window before', () => {
    expect(movement({ rank: 3, previous_rank: null })).toEqual({ kind: 'new', text: 'new in the chart' });
    expect(movement({ rank: 2, previous_rank: 5 })).toEqual({ kind: 'up', by: 3, text: 'up 3 from 5' });
    expect(movement({ rank: 4, previous_rank: 1 })).toEqual({ kind: 'down', by: 3, text: 'down 3 from 1' });
    expect(movement({ rank: 1, previous_rank: 1 })).toEqual({ kind: 'same', text: 'same place as before' });
  });
});
