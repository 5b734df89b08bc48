import { describe, expect, it } from 'vitest';
import {
  NO_SEARCH_FILTERS,
  aroundAiringUrl,
  artistUrl,
  atUrl,
  chartsUrl,
  chartsViewFromQuery,
  idFromParam,
  searchFeedUrl,
  searchFiltersFromQuery,
  searchUrl,
  songUrl,
  timeFromParam,
} from './urls';

/** The query an address's page reads, as the router gives it. */
function queryOf(url: string): Record<string, string> {
  return Object.fromEntries(new URL(url, 'http://127.0.0.1').searchParams);
}

describe('catalog addresses', () => {
  it('builds song, artist and search addresses', () => {
    expect(songUrl(12)).toBe('/songs/12');
    expect(artistUrl(3)).toBe('/artists/3');
    expect(searchUrl('  sigur rós & co ')).toBe('/search?q=sigur+r%C3%B3s+%26+co');
    expect(searchUrl('   ')).toBe('/search');
  });

  it('puts a search’s filters in its address, the times readable with their offsets, and reads them back', () => {
    const filters = { channelId: 2, from: '2026-12-07T00:00:00+01:00', to: '2026-12-09T00:00:00-03:30' };
    const url = searchUrl(' love ', filters);
    expect(url).toBe('/search?q=love&channel_id=2&from=2026-12-07T00:00:00%2B01:00&to=2026-12-09T00:00:00-03:30');
    expect(searchFiltersFromQuery(queryOf(url))).toEqual(filters);
    expect(searchUrl('love', { channelId: null, from: null, to: '2026-12-08T00:00:00Z' })).toBe('/search?q=love&to=2026-12-08T00:00:00Z');
    expect(searchUrl('sigur rós', { ...NO_SEARCH_FILTERS, channelId: 3 })).toBe('/search?q=sigur+r%C3%B3s&channel_id=3');
    // Without filters, the address is the plain search it always was; without words, the bare page.
    expect(searchUrl('love', NO_SEARCH_FILTERS)).toBe('/search?q=love');
    expect(searchUrl('  ', filters)).toBe('/search');
    expect(searchFiltersFromQuery(queryOf('/search?q=love'))).toEqual(NO_SEARCH_FILTERS);
  });

  it('leaves out of a search what its address holds that the API would not take', () => {
    expect(searchFiltersFromQuery({ q: 'love', channel_id: 'red', from: 'yesterday', to: '' })).toEqual(NO_SEARCH_FILTERS);
    for (const bad of [
      '2026-12-07',
      '2026-12-07T00:00+01:00', // no seconds
      '2026-12-07T00:00:00', // no offset
      '2026-02-31T00:00:00Z',
      '2026-12-07T25:00:00Z',
      ' 2026-12-07T00:00:00Z',
      '1969-12-31T23:59:59Z', // before anything was recorded
      '1970-01-01T00:30:00+01:00',
      undefined,
      null,
    ])
      expect(timeFromParam(bad)).toBeNull();
    expect(timeFromParam('2026-12-07T00:00:00.5Z')).toBe('2026-12-07T00:00:00.5Z');
    // A '+' pasted unencoded arrives as a space.
    expect(searchFiltersFromQuery(queryOf('/search?q=love&from=2026-12-07T00:00:00+01:00')).from).toBe('2026-12-07T00:00:00+01:00');
  });

  it('builds a search’s feed address, with its channel but never its days', () => {
    expect(searchFeedUrl(' sigur rós ', null)).toBe('/history/feed.atom?q=sigur+r%C3%B3s');
    expect(searchFeedUrl('love', 2)).toBe('/history/feed.atom?q=love&channel_id=2');
  });

  it('puts an RFC 3339 time in the "at" path, readable, with the offset sign kept', () => {
    expect(atUrl('2026-12-04T17:05:00+01:00')).toBe('/at/2026-12-04T17:05:00%2B01:00');
    expect(atUrl('2026-12-04T17:05:00-03:30', 2)).toBe('/at/2026-12-04T17:05:00-03:30?channel_id=2');
    expect(atUrl(null)).toBe('/at');
  });

  it('leads from an airing to the "at" page a whole second after it began, on its channel, in the listener’s zone', () => {
    // Microseconds, as the API writes them: the next whole second, so the airing is the newest begun before it.
    expect(aroundAiringUrl('2026-12-06T17:07:00.123456+00:00', 1, 'Europe/Berlin')).toBe('/at/2026-12-06T18:07:01%2B01:00?channel_id=1');
    expect(aroundAiringUrl('2026-12-06T17:07:59Z', 3, 'UTC')).toBe('/at/2026-12-06T17:08:00%2B00:00?channel_id=3');
    expect(aroundAiringUrl('2026-07-01T10:00:00+00:00', 2, 'America/St_Johns')).toBe('/at/2026-07-01T07:30:01-02:30?channel_id=2');
    expect(aroundAiringUrl('not a time', 1, 'UTC')).toBeNull();
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
