// Whole days on the listener's own clocks, as the search narrows its airings to them. A day D is
// [D 00:00, D+1 00:00) in the listener's zone: the next midnight is found from the next date, not by
// adding 24 hours, so a day with a DST change lasts 23 or 25 hours, as it does on the wall clock.
import { instantInZone, parseRfc3339, toRfc3339, zonedDateTime } from './zones';

const DAY_MS = 86_400_000;

/** Days, both included, as YYYY-MM-DD; null = open on that side. */
export interface DayRange {
  from: string | null;
  to: string | null;
}

/** RFC 3339 times as the API takes them (from <= created_at < to); null = open on that side. */
export interface TimeRange {
  from: string | null;
  to: string | null;
}

/** False for times the API refuses: nothing was recorded before 1970. */
export function isApiTime(instant: Date): boolean {
  return instant.getTime() >= 0;
}

/** The calendar date `days` after `date` (YYYY-MM-DD; negative goes back): date arithmetic, no clock in it. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** The midnight `date` starts with in `timeZone`, with that zone's offset; null when it is no date the API could be asked about. */
export function dayStart(date: string, timeZone: string): string | null {
  const instant = instantInZone(date, '00:00', timeZone);
  return instant !== null && isApiTime(instant) ? toRfc3339(instant, timeZone) : null;
}

/** The midnight after `date` in `timeZone`: where a range whose last day is `date` stops. */
export function dayEnd(date: string, timeZone: string): string | null {
  return dayStart(addDays(date, 1), timeZone);
}

/** The times `days` span in `timeZone`: from the first day's midnight to the midnight after the last. */
export function timesOfDays(days: DayRange, timeZone: string): TimeRange {
  return {
    from: days.from === null ? null : dayStart(days.from, timeZone),
    to: days.to === null ? null : dayEnd(days.to, timeZone),
  };
}

/** The date on `timeZone`'s clocks `offsetMs` after an RFC 3339 time; null when it is none. */
function dateAt(time: string | null, offsetMs: number, timeZone: string): string | null {
  const instant = time === null ? null : parseRfc3339(time);
  return instant === null ? null : zonedDateTime(new Date(instant.getTime() + offsetMs), timeZone).date;
}

/** The days `times` cover in `timeZone`: the one `from` falls on, and the one of the last moment before `to`. */
export function daysOfTimes(times: TimeRange, timeZone: string): DayRange {
  return { from: dateAt(times.from, 0, timeZone), to: dateAt(times.to, -1, timeZone) };
}

/** `count` days ending `daysAgo` days before today in `timeZone`: (1, 0) is today, (1, 1) yesterday, (7, 0) the last 7 days. */
export function recentDays(count: number, daysAgo: number, now: Date, timeZone: string): DayRange {
  const last = addDays(zonedDateTime(now, timeZone).date, -daysAgo);
  return { from: addDays(last, 1 - count), to: last };
}

/** True when `to` is not after `from`: nothing can be in such a range, and the API refuses it. */
export function isBackwards(times: TimeRange): boolean {
  const from = times.from === null ? null : parseRfc3339(times.from);
  const to = times.to === null ? null : parseRfc3339(times.to);
  return from !== null && to !== null && to.getTime() <= from.getTime();
}

/** The days in plain words: "7 Dec 2026", "7 – 8 Dec 2026", "from 7 Dec 2026", "until 8 Dec 2026"; null when open on both sides. */
export function describeDays(days: DayRange, locale?: string): string | null {
  // The dates are calendar dates, not moments: read and written as UTC so no zone shifts them.
  const format = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
  const dateOf = (day: string) => new Date(`${day}T00:00:00Z`);
  if (days.from !== null && days.to !== null) {
    return days.from === days.to ? format.format(dateOf(days.from)) : format.formatRange(dateOf(days.from), dateOf(days.to));
  }
  if (days.from !== null) return `from ${format.format(dateOf(days.from))}`;
  if (days.to !== null) return `until ${format.format(dateOf(days.to))}`;
  return null;
}
