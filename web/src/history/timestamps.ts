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

/**
 * A formatter of API timestamps as local date and time for people, e.g.
 * "27 Nov 2026, 20:57"; text that is not a timestamp is shown as it came.
 * Make one per list: building an Intl formatter costs more than using it.
 */
export function localDateTimeFormatter(locale?: string, timeZone?: string): (text: string) => string {
  const format = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone });
  return (text) => {
    const date = parseApiTimestamp(text);
    return date === null ? text : format.format(date);
  };
}
