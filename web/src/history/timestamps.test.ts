import { describe, expect, it } from 'vitest';
import { localDateTimeFormatter, parseApiTimestamp } from './timestamps';

describe('parseApiTimestamp', () => {
  it('reads our UTC timestamps with an offset and microseconds', () => {
    expect(parseApiTimestamp('2026-11-27T19:57:07.590829+00:00')?.toISOString()).toBe('2026-11-27T19:57:07.590Z');
  });

  it("reads the original's naive timestamps as UTC", () => {
    expect(parseApiTimestamp('2026-11-27T19:57:07.590829')?.toISOString()).toBe('2026-11-27T19:57:07.590Z');
    expect(parseApiTimestamp('2026-11-27T19:57:07')?.toISOString()).toBe('2026-11-27T19:57:07.000Z');
  });

  it('honours other offsets and Z', () => {
    expect(parseApiTimestamp('2026-11-27T21:57:07.5+02:00')?.toISOString()).toBe('2026-11-27T19:57:07.500Z');
    expect(parseApiTimestamp('2026-11-27T19:57:07Z')?.toISOString()).toBe('2026-11-27T19:57:07.000Z');
  });

  it('returns null for text that is not a timestamp', () => {
    expect(parseApiTimestamp('yesterday')).toBeNull();
    expect(parseApiTimestamp('')).toBeNull();
  });
});

describe('localDateTimeFormatter', () => {
  it('shows date and time in the given zone', () => {
    const text = localDateTimeFormatter('en-GB', 'Europe/Bucharest')('2026-11-27T19:57:07+00:00');
    expect(text).toContain('27 Nov 2026');
    expect(text).toContain('21:57');
  });

  it('shows unreadable text as it came', () => {
    expect(localDateTimeFormatter()('soon')).toBe('soon');
  });
});
