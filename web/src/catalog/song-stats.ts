// The song page's two charts as data: the weekday × hour grid and the plays of every day, both in
// the viewer's time zone as the API computed them. Kept apart from the SVG so they are tested plainly.

import type { SongStats } from '../api/types';

export const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;
export const HOURS = 24;
const DAY_MS = 86_400_000;

export interface HeatMap {
  /** 7 rows (Monday first) of 24 counts; anything missing or not a count reads 0. */
  rows: number[][];
  max: number;
  total: number;
  /** The busiest cell, null when there are no plays. */
  peak: { weekday: number; hour: number; plays: number } | null;
}

function count(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? Math.floor(value) : 0;
}

export function heatMap(byWeekdayHour: SongStats['by_weekday_hour'] | undefined): HeatMap {
  const rows = WEEKDAYS.map((_, weekday) => Array.from({ length: HOURS }, (__, hour) => count(byWeekdayHour?.[weekday]?.[hour])));
  let max = 0;
  let total = 0;
  let peak: HeatMap['peak'] = null;
  rows.forEach((row, weekday) =>
    row.forEach((plays, hour) => {
      total += plays;
      if (plays > max) {
        max = plays;
        peak = { weekday, hour, plays };
      }
    }),
  );
  return { rows, max, total, peak };
}

/** How dark a cell is, 0 (no plays) to 1 (the busiest); square-root scaled so rare hours still show. */
export function heatLevel(plays: number, max: number): number {
  return max <= 0 || plays <= 0 ? 0 : Math.sqrt(plays / max);
}

/** "00:00–01:00" */
export function hourRange(hour: number): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${pad(hour)}:00–${pad((hour + 1) % 24)}:00`;
}

export interface DailyPlays {
  date: string;
  plays: number;
}

function dateText(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function dateMs(date: string): number | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return null;
  const ms = Date.parse(`${date}T00:00:00Z`);
  return Number.isNaN(ms) ? null : ms;
}

/**
 * Every day of the `days` ending on `today` (YYYY-MM-DD in the viewer's zone), oldest first, with
 * the plays the API counted for it and 0 for the days it left out.
 */
export function dailySeries(byDay: SongStats['by_day'] | undefined, days: number, today: string): DailyPlays[] {
  const end = dateMs(today);
  if (end === null || days < 1) return [];
  const plays = new Map<string, number>();
  for (const day of byDay ?? []) plays.set(day.date, (plays.get(day.date) ?? 0) + count(day.plays));
  return Array.from({ length: days }, (_, index) => {
    const date = dateText(end - (days - 1 - index) * DAY_MS);
    return { date, plays: plays.get(date) ?? 0 };
  });
}
