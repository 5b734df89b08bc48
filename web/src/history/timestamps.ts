// The API writes ISO 8601 with microseconds; the original wrote naive UTC
// (no offset), ours adds "+00:00". Both mean UTC.

const HAS_OFFSET = /(Z|[+-]\d{2}:?\d{2})$/i;
const FRACTION = /\.(\d+)/;

/** Parses an API timestamp; null when it is not one. */
export function parseApiTimestamp(text: string): Date | null {
  // Date parsing is only specified for up to milliseconds: drop the rest.
  const trimmed = text.trim().replace(FRACTION, (_, digits: string) => `.${digits.slice(0, 3).padEnd(3, '0')}`);
  const withOffset = HAS_OFFSET.test(trimmed) ? trimmed : `${trimmed}Z`;
  const date = new Date(withOffset);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** Local date and time for people, e.g. "27 Nov 2026, 20:57". */
export function formatLocalDateTime(text: string, locale?: string, timeZone?: string): string {
  const date = parseApiTimestamp(text);
  if (date === null) return text;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(date);
}
