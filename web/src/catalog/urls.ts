// The addresses of the catalog's pages, built in one place so every link and every test agrees.

export const SEARCH_PARAM = 'q';
export const CHANNEL_ID_PARAM = 'channel_id';

export function songUrl(songId: number): string {
  return `/songs/${songId}`;
}

export function artistUrl(artistId: number): string {
  return `/artists/${artistId}`;
}

/** The search page for `text`; the bare page when there is nothing to search for. */
export function searchUrl(text: string): string {
  const q = text.trim();
  return q === '' ? '/search' : `/search?${new URLSearchParams({ [SEARCH_PARAM]: q }).toString()}`;
}

/** The "what was playing at" page for an RFC 3339 time (null = now), on one channel or all. */
export function atUrl(time: string | null, channelId: number | null = null): string {
  const path = time === null ? '/at' : `/at/${encodeURIComponent(time).replace(/%3A/gi, ':')}`;
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

/** A positive integer id from a path or query parameter; null for anything else. */
export function idFromParam(value: string | null | undefined): number | null {
  if (value === null || value === undefined || !/^[1-9]\d{0,15}$/.test(value)) return null;
  const id = Number(value);
  return Number.isSafeInteger(id) ? id : null;
}

/** The charts view an address asks for; anything unknown falls back to the default. */
export function chartsViewFromQuery(query: Record<string, string | undefined>): ChartsView {
  return {
    by: query.by === 'artist' ? 'artist' : 'song',
    period: query.period === 'month' || query.period === 'year' ? query.period : 'week',
    channelId: idFromParam(query[CHANNEL_ID_PARAM]),
  };
}
