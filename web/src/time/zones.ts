// Moments in the listener's own time zone: what the date and time pickers show, and the
// RFC 3339 text (with that zone's offset) the "at" page puts in its address and asks the API with.
// Intl holds the time zone database, so no table of offsets or DST rules lives here.

const RFC_3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?([Zz]|[+-]\d{2}:\d{2})$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^(\d{2}):(\d{2})(?::(\d{2}))?$/;
const MINUTE_MS = 60_000;

/** The IANA zone the browser runs in ("Europe/Berlin"), UTC when it does not say. */
export function listenerTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** True when Intl knows `timeZone`. */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

// Making a formatter costs some 180 µs, using one some 10: lists of airings ask for offsets by the hundred.
const offsetFormatters = new Map<string, Intl.DateTimeFormat>();

function offsetFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = offsetFormatters.get(timeZone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' });
    offsetFormatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Minutes `timeZone` is ahead of UTC at `instant` (negative west of Greenwich). */
export function offsetMinutes(instant: Date, timeZone: string): number {
  const name = offsetFormatter(timeZone)
    .formatToParts(instant)
    .find((part) => part.type === 'timeZoneName')?.value;
  const match = /GMT([+-])(\d{2}):?(\d{2})?/.exec(name ?? '');
  if (!match) return 0; // "GMT": UTC itself
  const minutes = Number(match[2]) * 60 + Number(match[3] ?? 0);
  return match[1] === '-' ? -minutes : minutes;
}

function pad(value: number, width = 2): string {
  return String(Math.abs(value)).padStart(width, '0');
}

/** "+01:00", "-03:30", "+00:00". */
export function formatOffset(minutes: number): string {
  return `${minutes < 0 ? '-' : '+'}${pad(Math.trunc(Math.abs(minutes) / 60))}:${pad(Math.abs(minutes) % 60)}`;
}

/** The zone as people read it: "Europe/Berlin (UTC+01:00)", with the offset in force at `instant`. */
export function zoneLabel(timeZone: string, instant: Date): string {
  return `${timeZone} (UTC${formatOffset(offsetMinutes(instant, timeZone))})`;
}

export interface ZonedDateTime {
  /** YYYY-MM-DD */
  date: string;
  /** HH:MM */
  time: string;
}

/** The wall-clock date and time in `timeZone` at `instant`. */
export function zonedDateTime(instant: Date, timeZone: string): ZonedDateTime {
  const shifted = new Date(instant.getTime() + offsetMinutes(instant, timeZone) * MINUTE_MS);
  return {
    date: `${pad(shifted.getUTCFullYear(), 4)}-${pad(shifted.getUTCMonth() + 1)}-${pad(shifted.getUTCDate())}`,
    time: `${pad(shifted.getUTCHours())}:${pad(shifted.getUTCMinutes())}`,
  };
}

/**
 * The instant when the clocks in `timeZone` show `date` (YYYY-MM-DD) and `time` (HH:MM[:SS]); null
 * when either does not parse. A time skipped by a DST change resolves to the same wall time in the
 * offset before the change (so it lands just after the change); a repeated one to its first occurrence.
 */
export function instantInZone(date: string, time: string, timeZone: string): Date | null {
  const d = DATE.exec(date);
  const t = TIME.exec(time);
  if (!d || !t) return null;
  const [year, month, day, hour, minute, second] = [d[1], d[2], d[3], t[1], t[2], t[3] ?? '0'].map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) return null;
  const wall = Date.UTC(year, month - 1, day, hour, minute, second);
  if (new Date(wall).getUTCDate() !== day) return null; // 31 February
  // The offset just before the wall time, then the offset at the guess: two steps settle every zone.
  const before = offsetMinutes(new Date(wall - 24 * 60 * MINUTE_MS), timeZone);
  const guess = wall - before * MINUTE_MS;
  const at = offsetMinutes(new Date(guess), timeZone);
  const candidate = wall - at * MINUTE_MS;
  return new Date(offsetMinutes(new Date(candidate), timeZone) === at ? candidate : guess);
}

/** RFC 3339 with `timeZone`'s offset, to the second: "2026-12-04T17:05:00+01:00". */
export function toRfc3339(instant: Date, timeZone: string): string {
  const offset = offsetMinutes(instant, timeZone);
  const shifted = new Date(instant.getTime() + offset * MINUTE_MS);
  const { date, time } = zonedDateTime(instant, timeZone);
  return `${date}T${time}:${pad(shifted.getUTCSeconds())}${formatOffset(offset)}`;
}

/** Parses an RFC 3339 timestamp (offset required); null when it is not one, 31 February included. */
export function parseRfc3339(text: string): Date | null {
  const match = RFC_3339.exec(text.trim());
  if (!match) return null;
  const instant = new Date(text.trim().replace(' ', 'T'));
  if (Number.isNaN(instant.getTime())) return null;
  // Date rolls a day the month does not have over into the next month; the API refuses it.
  const day = Number(match[3]);
  return new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, day)).getUTCDate() === day ? instant : null;
}
