import { describe, expect, it } from 'vitest';
import { dailySeries, heatLevel, heatMap, hourRange } from './song-stats';

describe('song stats as chart data', () => {
  it('builds a 7 × 24 grid with its peak and total, reading anything odd as 0', () => {
    const grid = Array.from({ length: 7 }, () => Array.from({ length: 24 }, () => 0));
    grid[4]![17] = 5;
    grid[0]![0] = 1;
    (grid[6] as unknown[])[3] = 'x';
    const map = heatMap(grid);
    expect(map.rows).toHaveLength(7);
    expect(map.rows.every((row) => row.length === 24)).toBe(true);
    expect(map).toMatchObject({ max: 5, total: 6, peak: { weekday: 4, hour: 17, plays: 5 } });
    expect(heatMap([[3]]).rows[1]).toEqual(Array.from({ length: 24 }, () => 0));
    expect(heatMap(undefined)).toMatchObject({ max: 0, total: 0, peak: null });
  });

  it('scales cell levels from 0 to 1', () => {
    expect(heatLevel(0, 5)).toBe(0);
    expect(heatLevel(5, 5)).toBe(1);
    expect(heatLevel(1, 4)).toBe(0.5);
    expect(heatLevel(3, 0)).toBe(0);
  });

  it('names hours as ranges', () => {
    expect(hourRange(0)).toBe('00:00–01:00');
    expect(hourRange(23)).toBe('23:00–00:00');
  });

  it('fills every day up to today, the missing ones with 0', () => {
    expect(
      dailySeries(
        [
          { date: '2026-12-02', plays: 3 },
          { date: '2026-12-04', plays: 1 },
          { date: '2026-11-01', plays: 9 },
        ],
        4,
        '2026-12-04',
      ),
    ).toEqual([
      { date: '2026-12-01', plays: 0 },
      { date: '2026-12-02', plays: 3 },
      { date: '2026-12-03', plays: 0 },
      { date: '2026-12-04', plays: 1 },
    ]);
    expect(dailySeries([], 3, '2026-03-01').map((day) => day.date)).toEqual(['2026-02-27', '2026-02-28', '2026-03-01']);
    expect(dailySeries([], 3, 'today')).toEqual([]);
  });
});
