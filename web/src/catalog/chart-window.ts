import type { ChartEntry } from '../api/types';
import type { ChartPeriod } from './urls';

const DAY_MS = 86_400_000;
export const PERIOD_DAYS: Record<ChartPeriod, number> = { week: 7, month: 30, year: 365 };

/** The window a chart covers: the last 7, 30 or 365 days up to `now`, to the minute (so one view asks one question). */
export function chartWindow(period: ChartPeriod, now: Date): { from: string; to: string } {
  const to = Math.floor(now.getTime() / 60_000) * 60_000;
  return { from: new Date(to - PERIOD_DAYS[period] * DAY_MS).toISOString(), to: new Date(to).toISOString() };
}

export type Movement = { kind: 'new'; text: string } | { kind: 'up' | 'down'; by: number; text: string } | { kind: 'same'; text: string };

/** How an entry moved since the window before, for the arrow and for screen readers. */
export function movement(entry: Pick<ChartEntry, 'rank' | 'previous_rank'>): Movement {
  const before = entry.previous_rank;
  if (before === null) return { kind: 'new', text: 'new in the chart' };
  if (before > entry.rank) return { kind: 'up', by: before - entry.rank, text: `up ${before - entry.rank} from ${before}` };
  if (before < entry.rank) return { kind: 'down', by: entry.rank - before, text: `down ${entry.rank - before} from ${before}` };
  return { kind: 'same', text: 'same place as before' };
}
