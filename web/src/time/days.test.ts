import { describe, expect, it } from 'vitest';
import { addDays, dayStart, daysOfTimes, describeDays, isBackwards, recentDays, timesOfDays } from './days';

const HOUR_MS = 3_600_000;

/** How long a range of times lasts, in hours. */
function hoursBetween(from: string | null, to: string | null): number {
  return (Date.parse(to ?? '') - Date.parse(from ?? '')) / HOUR_MS;
}

describe('days in the listener’s zone', () => {
  it('counts dates as dates, over months and years', () => {
    expect(addDays('2026-03-28', 1)).toBe('2026-03-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2026-12-08', -6)).toBe('2026-12-02');
  });

  it('spans a day from its midnight to the next, with the zone’s offsets', () => {
    const times = timesOfDays({ from: '2026-12-07', to: '2026-12-08' }, 'Europe/Berlin');
    expect(times).toEqual({ from: '2026-12-07T00:00:00+01:00', to: '2026-12-09T00:00:00+01:00' });
    expect(timesOfDays({ from: null, to: '2026-12-07' }, 'America/St_Johns')).toEqual({ from: null, to: '2026-12-08T00:00:00-03:30' });
    expect(timesOfDays({ from: null, to: null }, 'UTC')).toEqual({ from: null, to: null });
  });

  it('makes a day with a DST change last 23 or 25 hours, as the clocks do', () => {
    // Berlin skips 02:00-03:00 on 29 March 2026 and repeats it on 25 October 2026.
    const spring = timesOfDays({ from: '2026-03-29', to: '2026-03-29' }, 'Europe/Berlin');
    expect(spring).toEqual({ from: '2026-03-29T00:00:00+01:00', to: '2026-03-30T00:00:00+02:00' });
    expect(hoursBetween(spring.from, spring.to)).toBe(23);
    const autumn = timesOfDays({ from: '2026-10-25', to: '2026-10-25' }, 'Europe/Berlin');
    expect(autumn).toEqual({ from: '2026-10-25T00:00:00+02:00', to: '2026-10-26T00:00:00+01:00' });
    expect(hoursBetween(autumn.from, autumn.to)).toBe(25);
    // Santiago skips midnight itself on 6 September 2026: that day starts at 01:00.
    const skipped = timesOfDays({ from: '2026-09-06', to: '2026-09-06' }, 'America/Santiago');
    expect(skipped).toEqual({ from: '2026-09-06T01:00:00-03:00', to: '2026-09-07T00:00:00-03:00' });
    expect(hoursBetween(skipped.from, skipped.to)).toBe(23);
  });

  it('reads the days back from the times, the last being the day of the moment before `to`', () => {
    const zone = 'Europe/Berlin';
    expect(daysOfTimes({ from: '2026-03-29T00:00:00+01:00', to: '2026-03-30T00:00:00+02:00' }, zone)).toEqual({
      from: '2026-03-29',
      to: '2026-03-29',
    });
    // Written in another zone, the same moments are the listener's days.
    expect(daysOfTimes({ from: '2026-12-06T23:00:00Z', to: '2026-12-08T23:00:00Z' }, zone)).toEqual({
      from: '2026-12-07',
      to: '2026-12-08',
    });
    expect(daysOfTimes({ from: '2026-12-07T15:30:00+01:00', to: null }, zone)).toEqual({ from: '2026-12-07', to: null });
    expect(daysOfTimes({ from: null, to: 'garbage' }, zone)).toEqual({ from: null, to: null });
  });

  it('refuses a day that is none, or one from before anything was recorded', () => {
    expect(dayStart('2026-02-31', 'UTC')).toBeNull();
    expect(dayStart('1969-12-31', 'UTC')).toBeNull();
    // East of Greenwich, 1 January 1970 starts before the epoch.
    expect(dayStart('1970-01-01', 'Europe/Berlin')).toBeNull();
    expect(dayStart('1970-01-01', 'UTC')).toBe('1970-01-01T00:00:00+00:00');
  });

  it('knows today, yesterday and the last 7 days on the listener’s clocks', () => {
    // 23:30 UTC on 7 December is already 8 December in Berlin.
    const now = new Date('2026-12-07T23:30:00Z');
    expect(recentDays(1, 0, now, 'Europe/Berlin')).toEqual({ from: '2026-12-08', to: '2026-12-08' });
    expect(recentDays(1, 1, now, 'Europe/Berlin')).toEqual({ from: '2026-12-07', to: '2026-12-07' });
    expect(recentDays(7, 0, now, 'Europe/Berlin')).toEqual({ from: '2026-12-02', to: '2026-12-08' });
    expect(recentDays(1, 0, now, 'UTC')).toEqual({ from: '2026-12-07', to: '2026-12-07' });
  });

  it('tells a range that ends before it starts', () => {
    expect(isBackwards({ from: '2026-12-08T00:00:00+01:00', to: '2026-12-08T00:00:00+01:00' })).toBe(true);
    expect(isBackwards({ from: '2026-12-08T00:00:00+01:00', to: '2026-12-07T00:00:00+01:00' })).toBe(true);
    // Compared as moments, not as text: 23:30 UTC is after midnight in Berlin.
    expect(isBackwards({ from: '2026-12-08T00:00:00+01:00', to: '2026-12-07T23:30:00Z' })).toBe(false);
    expect(isBackwards({ from: '2026-12-08T00:00:00+01:00', to: null })).toBe(false);
    expect(isBackwards({ from: null, to: null })).toBe(false);
  });

  it('says the days in plain words', () => {
    expect(describeDays({ from: '2026-12-07', to: '2026-12-07' }, 'en-GB')).toBe('7 Dec 2026');
    expect(describeDays({ from: '2026-12-07', to: '2026-12-08' }, 'en-GB')).toBe('7\u2009–\u20098 Dec 2026');
    expect(describeDays({ from: '2026-12-30', to: '2027-01-02' }, 'en-GB')).toBe('30 Dec 2026\u2009–\u20092 Jan 2027');
    expect(describeDays({ from: '2026-12-07', to: null }, 'en-GB')).toBe('from 7 Dec 2026');
    expect(describeDays({ from: null, to: '2026-12-08' }, 'en-GB')).toBe('until 8 Dec 2026');
    expect(describeDays({ from: null, to: null }, 'en-GB')).toBeNull();
  });
});
