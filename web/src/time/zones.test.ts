import { describe, expect, it } from 'vitest';
import { formatOffset, instantInZone, isKnownTimeZone, offsetMinutes, parseRfc3339, toRfc3339, zonedDateTime, zoneLabel } from './zones';

describe('time zones', () => {
  it('reads the offset of a zone, DST included', () => {
    expect(offsetMinutes(new Date('2026-12-04T12:00:00Z'), 'Europe/Berlin')).toBe(60);
    expect(offsetMinutes(new Date('2026-07-04T12:00:00Z'), 'Europe/Berlin')).toBe(120);
    expect(offsetMinutes(new Date('2026-07-04T12:00:00Z'), 'America/St_Johns')).toBe(-150);
    expect(offsetMinutes(new Date('2026-07-04T12:00:00Z'), 'UTC')).toBe(0);
  });

  it('labels the zone with its offset', () => {
    expect(zoneLabel('Europe/Berlin', new Date('2026-12-04T12:00:00Z'))).toBe('Europe/Berlin (UTC+01:00)');
    expect(zoneLabel('America/St_Johns', new Date('2026-12-04T12:00:00Z'))).toBe('America/St_Johns (UTC-03:30)');
    expect(formatOffset(0)).toBe('+00:00');
  });

  it('knows which zones exist', () => {
    expect(isKnownTimeZone('Asia/Kolkata')).toBe(true);
    expect(isKnownTimeZone('Mars/Olympus')).toBe(false);
  });

  it('turns a wall time in a zone into an instant and back', () => {
    const instant = instantInZone('2026-12-04', '17:05', 'Europe/Berlin');
    expect(instant?.toISOString()).toBe('2026-12-04T16:05:00.000Z');
    expect(zonedDateTime(instant!, 'Europe/Berlin')).toEqual({ date: '2026-12-04', time: '17:05' });
    expect(toRfc3339(instant!, 'Europe/Berlin')).toBe('2026-12-04T17:05:00+01:00');
    expect(toRfc3339(instant!, 'UTC')).toBe('2026-12-04T16:05:00+00:00');
    expect(instantInZone('2026-07-01', '00:30', 'America/New_York')?.toISOString()).toBe('2026-07-01T04:30:00.000Z');
  });

  it('handles the DST changes: a skipped hour lands after the change, a repeated one on its first pass', () => {
    // Berlin skips 02:00-03:00 on 29 March 2026 and repeats 02:00-03:00 on 25 October 2026.
    expect(instantInZone('2026-03-29', '02:30', 'Europe/Berlin')?.toISOString()).toBe('2026-03-29T01:30:00.000Z');
    expect(instantInZone('2026-03-29', '03:30', 'Europe/Berlin')?.toISOString()).toBe('2026-03-29T01:30:00.000Z');
    expect(instantInZone('2026-10-25', '02:30', 'Europe/Berlin')?.toISOString()).toBe('2026-10-25T00:30:00.000Z');
    expect(instantInZone('2026-10-25', '03:30', 'Europe/Berlin')?.toISOString()).toBe('2026-10-25T02:30:00.000Z');
  });

  it('refuses dates and times that do not exist', () => {
    expect(instantInZone('2026-02-31', '10:00', 'UTC')).toBeNull();
    expect(instantInZone('2026-12-04', '24:00', 'UTC')).toBeNull();
    expect(instantInZone('', '10:00', 'UTC')).toBeNull();
  });

  it('parses RFC 3339 with an offset only', () => {
    expect(parseRfc3339('2026-12-04T17:05:00+01:00')?.toISOString()).toBe('2026-12-04T16:05:00.000Z');
    expect(parseRfc3339('2026-12-04T16:05:00.25Z')?.toISOString()).toBe('2026-12-04T16:05:00.250Z');
    expect(parseRfc3339('2026-12-04T17:05')).toBeNull();
    expect(parseRfc3339('yesterday')).toBeNull();
    expect(parseRfc3339('2026-13-04T17:05:00Z')).toBeNull();
    expect(parseRfc3339('2026-02-31T17:05:00Z')).toBeNull();
    expect(parseRfc3339('2028-02-29T17:05:00Z')?.toISOString()).toBe('2028-02-29T17:05:00.000Z');
  });
});
