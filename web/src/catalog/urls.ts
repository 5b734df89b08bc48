// The addresses of the catalog's pages, built in one place so every link and every test agrees.
import { isApiTime, type TimeRange } from '../time/days';
import { parseRfc3339, toRfc3339 } from '../time/zones';

export const SEARCH_PARAM = 'q';
export const CHANNEL_ID_PARAM = 'channel_id';
/** A search's time filters, named as the API names them, so the address holds what the API is asked. */
export const FROM_PARAM = 'from';
export const TO_PARAM = 'to';
/** RFC 3339 as the API reads it: seconds written (parseRfc3339 goes without them), nothing around it. */
const API_TIME = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;

export function songUrl(songId: number): string {
  return `/songs/${songId}`;
}

export function artistUrl(artistId: number): string {
  return `/artists/${artistId}`;
}

/** What a search's airings are narrowed to; the matching songs and artists have no time, so they never are. */
export interface SearchFilters extends TimeRange {
  /** null = every channel. */
  channelId: number | null;
}

export const NO_SEARCH_FILTERS: SearchFilters = { channelId: null, from: null, to: null };

/** An RFC 3339 time for an address, its ':' left readable ('+' stays encoded: in a query it reads as a space). */
function readableTime(time: string): string {
  return encodeURIComponent(time).replace(/%3A/gi, ':');
}

/** The search page for `text`, its airings narrowed by `filters`; the bare page when there is nothing to search for. */
export function searchUrl(text: string, filters: SearchFilters = NO_SEARCH_FILTERS): string {
  const q = text.trim();
  if (q === '') return '/search';
  const params = [new URLSearchParams({ [SEARCH_PARAM]: q }).toString()];
  if (filters.channelId !== null) params.push(`${CHANNEL_ID_PARAM}=${filters.channelId}`);
  if (filters.from !== null) params.push(`${FROM_PARAM}=${readableTime(filters.from)}`);
  if (filters.to !== null) params.push(`${TO_PARAM}=${readableTime(filters.to)}`);
  return `/search?${params.join('&')}`;
}

/** The Atom feed of a search's new airings: on one channel or all, never a time (a feed follows what airs next). */
export function searchFeedUrl(text: string, channelId: number | null): string {
  const params = new URLSearchParams({ [SEARCH_PARAM]: text.trim() });
  if (channelId !== null) params.set(CHANNEL_ID_PARAM, String(channelId));
  return `/history/feed.atom?${params.toString()}`;
}

/** The "what was playing at" page for an RFC 3339 time (null = now), on one channel or all. */
export function atUrl(time: string | null, channelId: number | null = null): string {
  const path = time === null ? '/at' : `/at/${readableTime(time)}`;
  return channelId === null ? path : `${path}?${CHANNEL_ID_PARAM}=${channelId}`;
}

export type ChartPeriod = 'week' | 'month' | 'year';

export interface ChartsView {
  by: 'song' | 'artist';
  period: ChartPeriod;
  channelId: number | null;
}

export const DEFAULT_CHARTS_VIEW: ChartsView = { by: 'song', period: 'week', channelId: null };

/** The charts page showing `view`; the defaults stay out of the address. */
export function chartsUrl(view: ChartsView): string {
  const params = new URLSearchParams();
  if (view.by !== DEFAULT_CHARTS_VIEW.by) params.set('by', view.by);
  if (view.period !== DEFAULT_CHARTS_VIEW.period) params.set('period', view.period);
  if (view.channelId !== null) params.set(CHANNEL_ID_PARAM, String(view.channelId));
  const search = params.toString();
  return search === '' ? '/charts' : `/charts?${search}`;
}

/**
 * The "at" page for the moment an airing had just begun, on its channel, in `timeZone`: it marks
 * that airing as playing then, among the songs around it. "Playing at T" is the newest airing
 * begun before T, so T is the next whole second after it began.
 */
export function aroundAiringUrl(createdAt: string, channelId: number, timeZone: string): string | null {
  const began = parseRfc3339(createdAt);
  if (began === null) return null;
  const justAfter = new Date(Math.floor(began.getTime() / 1000) * 1000 + 1000);
  return atUrl(toRfc3339(justAfter, timeZone), channelId);
}

/** A positive integer id from a path or query parameter; null for anything else. */
export function idFromParam(value: string | null | undefined): number | null {
  if (value === null || value === undefined || !/^[1-9]\d{0,15}$/.test(value)) return null;
  const id = Number(value);
  return Number.isSafeInteger(id) ? id : null;
}

/** An RFC 3339 time from a query parameter, as written, when the API would take it; null for anything else. */
export function timeFromParam(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  // A '+' pasted into an address unencoded reads as a space: the offset it began is still meant.
  const time = value.replace(/ (\d{2}:\d{2})$/, '+$1');
  if (!API_TIME.test(time)) return null;
  const instant = parseRfc3339(time);
  return instant !== null && isApiTime(instant) ? time : null;
}

/** The filters a search address asks for; anything unreadable is left out, as if it were not there. */
export function searchFiltersFromQuery(query: Record<string, string | undefined>): SearchFilters {
  return {
    channelId: idFromParam(query[CHANNEL_ID_PARAM]),
    from: timeFromParam(query[FROM_PARAM]),
    to: timeFromParam(query[TO_PARAM]),
  };
}

/** The charts view an address asks for; anything unknown falls back to the default. */
export function chartsViewFromQuery(query: Record<string, string | undefined>): ChartsView {
  return {
    by: query.by === 'artist' ? 'artist' : 'song',
    period: query.period === 'month' || query.period === 'year' ? query.period : 'week',
    channelId: idFromParam(query[CHANNEL_ID_PARAM]),
  };
}
