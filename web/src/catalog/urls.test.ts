import { describe, expect, it } from 'vitest';
import { artistUrl, atUrl, chartsUrl, chartsViewFromQuery, idFromParam, searchUrl, songUrl } from './urls';

describe('catalog addresses', () => {
  it('builds song, artist and search addresses', () => {
    expect(songUrl(12)).toBe('/songs/12');
    expect(artistUrl(3)).toBe('/artists/3');
    expect(searchUrl('  sigur rós & co ')).toBe('/search?q=sigur+r%C3%B3s+%26+co');
    expect(searchUrl('   ')).toBe('/search');
  });

  it('puts an RFC 3339 time in the "at" path, readable, with the offset sign kept', () => {
    expect(atUrl('2026-12-04T17:05:00+01:00')).toBe('/at/2026-12-04T17:05:00%2B01:00');
    expect(atUrl('2026-12-04T17:05:00-03:30', 2)).toBe('/at/2026-12-04T17:05:00-03:30?channel_id=2');
    expect(atUrl(null)).toBe('/at');
  });

  it('keeps the default charts view out of the address and reads it back', () => {
    expect(chartsUrl({ by: 'song', period: 'week', channelId: null })).toBe('/charts');
    expect(chartsUrl({ by: 'artist', period: 'month', channelId: 2 })).toBe('/charts?by=artist&period=month&channel_id=2');
    expect(chartsViewFromQuery({ by: 'artist', period: 'month', channel_id: '2' })).toEqual({
      by: 'artist',
      period: 'month',
      channelId: 2,
    });
    expect(chartsViewFromQuery({ by: 'x', period: 'decade', channel_id: '-1' })).toEqual({ by: 'song', period: 'week', channelId: null });
  });

  it('reads ids from parameters, refusing anything but a positive integer', () => {
    expect(idFromParam('42')).toBe(42);
    for (const bad of ['0', '-1', '1.5', 'abc', '', undefined, null, '99999999999999999999']) expect(idFromParam(bad)).toBeNull();
  });
});
