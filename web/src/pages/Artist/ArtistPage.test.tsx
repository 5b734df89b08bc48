import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import type { HistoryItem } from '../../api/types';
import { artistDetail, historyItems, songStats } from '../../test/fixtures';
import type { FakeResponse, RecordedRequest } from '../../test/fake-backend';
import { pageOf, renderApp, standardBackend, type HistoryQuery } from '../../test/render-app';
import { zonedDateTime } from '../../time/zones';

const DAY_MS = 86_400_000;
/** The listener's zone: three hours behind UTC all year, whatever zone the tests run in. */
const ZONE = 'America/Argentina/Buenos_Aires';

vi.mock('../../time/zones', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../time/zones')>()),
  listenerTimeZone: () => 'America/Argentina/Buenos_Aires',
}));

/** The date `days` days before today in the listener's zone, YYYY-MM-DD. */
function daysAgo(days: number): string {
  const today = zonedDateTime(new Date(), ZONE).date;
  return new Date(Date.parse(`${today}T00:00:00Z`) - days * DAY_MS).toISOString().slice(0, 10);
}

/** Sigur Rós (3): two songs; 6 plays in the last 90 days, most on Fridays 17:00–18:00, 2 of them in the last 30. */
function catalog(request: RecordedRequest): FakeResponse | undefined {
  if (request.url.pathname === '/artists/3') return { body: artistDetail(3, { name: 'Sigur Rós' }) };
  if (request.url.pathname === '/artists/3/stats') {
    const recent = request.url.searchParams.get('days') === '30';
    return {
      body: recent
        ? songStats([[4, 17, 2]], [{ date: daysAgo(1), plays: 2 }])
        : songStats(
            [
              [4, 17, 5],
              [0, 8, 1],
            ],
            [
              { date: daysAgo(1), plays: 2 },
              { date: daysAgo(40), plays: 4 },
            ],
          ),
    };
  }
  return undefined;
}

/** The "When it plays" section. */
function chartsSection(): HTMLElement {
  return screen.getByRole('region', { name: 'When it plays' });
}

/** The heat map once drawn; plain DOM queries, since role queries over its 168 cells are slow in jsdom. */
function heatMap(): Promise<SVGElement> {
  return waitFor(() => {
    const svg = document.querySelector<SVGElement>('svg.heat-map');
    if (!svg) throw new Error('no heat map yet');
    return svg;
  });
}

function dailyChart(): SVGElement {
  return document.querySelector<SVGElement>('svg.daily-chart')!;
}

function statsDays(backend: ReturnType<typeof standardBackend>): (string | null)[] {
  return backend.requestsTo('/artists/3/stats').map((request) => request.url.searchParams.get('days'));
}

/** The artist alone, without charts (role queries over the heat map's cells are slow in jsdom). */
function artistOnly(request: RecordedRequest): FakeResponse | undefined {
  return request.url.pathname === '/artists/3' ? { body: artistDetail(3, { name: 'Sigur Rós' }) } : undefined;
}

/** 55 airings of Sigur Rós (ids 55 down to 1), its two songs in turn, the second under another spelling. */
const AIRINGS: HistoryItem[] = historyItems(55, 1).map((item) =>
  item.id % 2 === 1
    ? { ...item, song_id: 11, song_title: 'Sigur Rós - First' }
    : { ...item, song_id: 12, song_title: 'Sigur Ros - Second' },
);

/** /history as the server answers it: the airings of artist 3, paged; nothing for any other artist or filter. */
function artistHistory(airings: readonly HistoryItem[]) {
  return (query: HistoryQuery) => (query.artistId === 3 && query.songId === null ? pageOf(airings)(query) : []);
}

/** The "Every airing" section. */
function airingsSection(): Promise<HTMLElement> {
  return screen.findByRole('region', { name: 'Every airing' });
}

/** The rows of the artist's airings list (plain DOM queries: role queries over 50 rows are slow in jsdom). */
function airingRows(): NodeListOf<HTMLLIElement> {
  return document.querySelectorAll('ol[aria-label="Airings by Sigur Rós, newest first"] > li');
}

function historyParams(backend: ReturnType<typeof standardBackend>): Record<string, string>[] {
  return backend.requestsTo('/history').map((request) => Object.fromEntries(request.url.searchParams));
}

describe('artist page', () => {
  it('lists the songs under their heading with their plays, each linked to its page', async () => {
    renderApp(
      standardBackend({
        catalog: (request) => (request.url.pathname === '/artists/3' ? { body: artistDetail(3, { name: 'Sigur Rós' }) } : undefined),
      }),
      '/artists/3',
    );
    expect(await screen.findByRole('heading', { level: 1, name: 'Sigur Rós' })).toBeInTheDocument();
    expect(screen.getByText('2 songs, 5 plays')).toBeInTheDocument();
    const section = screen.getByRole('region', { name: 'Songs' });
    expect(within(section).getByRole('heading', { level: 2, name: 'Songs' })).toBeInTheDocument();
    // Between the charts and every airing, like the sections around it.
    expect(screen.getAllByRole('heading', { level: 2 }).map((heading) => heading.textContent)).toEqual([
      'When it plays',
      'Songs',
      'Every airing',
    ]);
    const list = within(section).getByRole('list', { name: 'Songs by Sigur Rós, most played first' });
    const rows = within(list).getAllByRole('listitem');
    expect(within(rows[0]!).getByRole('link', { name: 'First' })).toHaveAttribute('href', '/songs/11');
    expect(rows[0]).toHaveTextContent('4 plays');
    expect(rows[1]).toHaveTextContent('1 play');
  });

  it('shows when the artist plays, in the listener’s zone, between the summary and the songs', async () => {
    const backend = standardBackend({ catalog });
    renderApp(backend, '/artists/3');
    const heat = await heatMap();
    const stats = backend.requestsTo('/artists/3/stats');
    expect(stats).toHaveLength(1);
    expect(stats[0]!.url.searchParams.get('tz')).toBe(ZONE);
    expect(stats[0]!.url.searchParams.get('days')).toBe('90');

    const section = chartsSection();
    expect(within(section).getByRole('heading', { level: 2, name: 'When it plays' })).toBeInTheDocument();
    expect(within(section).getByRole('combobox', { name: 'Period' })).toHaveValue('90');
    expect(within(section).getByText('Times in America/Argentina/Buenos_Aires (UTC-03:00).')).toBeInTheDocument();
    expect(section).toContainElement(heat);
    expect(heat).toHaveAttribute('role', 'img');
    expect(heat).toHaveAccessibleName('Plays by weekday and hour (America/Argentina/Buenos_Aires (UTC-03:00))');
    expect(heat).toHaveAccessibleDescription('6 plays in all; most often on Friday 17:00–18:00 (5 plays).');
    expect(heat.querySelectorAll('rect')).toHaveLength(7 * 24);
    expect(heat.querySelector('rect[data-plays="5"] title')).toHaveTextContent('Friday 17:00–18:00: 5 plays');
    const daily = dailyChart();
    expect(section).toContainElement(daily);
    expect(daily).toHaveAccessibleName(/^Plays per day/);
    expect(daily).toHaveAccessibleDescription(new RegExp(`^6 plays on 2 of 90 days from .* to ${daysAgo(0)}; most on ${daysAgo(40)}`));
    expect([...daily.querySelectorAll('rect[data-date]')].map((rect) => rect.getAttribute('data-date'))).toEqual([daysAgo(40), daysAgo(1)]);

    // Below the summary line, above the list of songs.
    const summary = screen.getByText('2 songs, 5 plays');
    const songs = screen.getByRole('list', { name: 'Songs by Sigur Rós, most played first' });
    expect(summary.compareDocumentPosition(section) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(section.compareDocumentPosition(songs) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it('asks again for another period and draws its days', async () => {
    const backend = standardBackend({ catalog });
    renderApp(backend, '/artists/3');
    await heatMap();
    fireEvent.change(within(chartsSection()).getByRole('combobox', { name: 'Period' }), { target: { value: '30' } });
    await waitFor(() => expect(statsDays(backend)).toEqual(['90', '30']));
    expect(backend.requestsTo('/artists/3/stats')[1]!.url.searchParams.get('tz')).toBe(ZONE);
    await waitFor(() => expect(dailyChart()).toHaveAccessibleDescription(/^2 plays on 1 of 30 days/));
    expect(document.querySelector('svg.heat-map')).toHaveAccessibleDescription(/^2 plays in all/);
    expect(screen.getByRole('combobox', { name: 'Period' })).toHaveValue('30');
  });

  it('offers a retry when the charts cannot be loaded, and keeps the rest of the page', async () => {
    let statsDown = true;
    const backend = standardBackend({
      catalog: (request) =>
        statsDown && request.url.pathname === '/artists/3/stats' ? { status: 500, body: { detail: 'boom' } } : catalog(request),
    });
    renderApp(backend, '/artists/3');
    const alert = await within(await screen.findByRole('region', { name: 'When it plays' })).findByRole('alert');
    expect(alert).toHaveTextContent('The charts could not be loaded.');
    expect(document.querySelector('svg.heat-map')).toBeNull();
    expect(document.querySelector('svg.daily-chart')).toBeNull();
    expect(screen.getByRole('heading', { level: 1, name: 'Sigur Rós' })).toBeInTheDocument();
    expect(screen.getByText('2 songs, 5 plays')).toBeInTheDocument();
    expect(
      within(screen.getByRole('list', { name: 'Songs by Sigur Rós, most played first' })).getByRole('link', { name: 'First' }),
    ).toBeInTheDocument();

    statsDown = false;
    fireEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await heatMap()).toHaveAccessibleDescription(/^6 plays in all/);
    expect(within(chartsSection()).queryByRole('alert')).toBeNull();
    expect(statsDays(backend)).toEqual(['90', '90']);
    expect(backend.requestsTo('/artists/3')).toHaveLength(1);
  });

  it('says when the artist does not exist, without asking for its charts or its airings', async () => {
    const backend = standardBackend({ history: artistHistory(AIRINGS) });
    renderApp(backend, '/artists/4');
    expect(await screen.findByRole('heading', { name: 'Artist not found' })).toBeInTheDocument();
    expect(backend.requestsTo('/artists/4')).toHaveLength(1);
    expect(backend.requestsTo('/artists/4/stats')).toHaveLength(0);
    expect(backend.requestsTo('/history')).toHaveLength(0);
    expect(screen.queryByRole('region', { name: 'Every airing' })).toBeNull();
  });

  it('refuses an id that is not one without asking', () => {
    const backend = standardBackend({ history: artistHistory(AIRINGS) });
    renderApp(backend, '/artists/abc');
    expect(screen.getByRole('heading', { name: 'Artist not found' })).toBeInTheDocument();
    expect(backend.requestsTo('/artists/abc')).toHaveLength(0);
    expect(backend.requestsTo('/history')).toHaveLength(0);
  });

  it('lists every airing of the artist below its songs, each title linked to its song, More after 50, then the end', async () => {
    const backend = standardBackend({ catalog: artistOnly, history: artistHistory(AIRINGS) });
    renderApp(backend, '/artists/3');
    const section = await airingsSection();
    expect(within(section).getByRole('heading', { level: 2, name: 'Every airing' })).toBeInTheDocument();
    await waitFor(() => expect(airingRows()).toHaveLength(50));
    expect(historyParams(backend)).toEqual([{ artist_id: '3', limit: '50' }]);
    const list = screen.getByRole('list', { name: 'Airings by Sigur Rós, newest first' });
    expect(section).toContainElement(list);
    const songs = screen.getByRole('list', { name: 'Songs by Sigur Rós, most played first' });
    expect(songs.compareDocumentPosition(section) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect([...airingRows()].map((row) => row.dataset.id)).toEqual(AIRINGS.slice(0, 50).map((item) => String(item.id)));
    expect(within(airingRows()[0]!).getByRole('link', { name: 'Sigur Rós - First' })).toHaveAttribute('href', '/songs/11');
    expect(within(airingRows()[1]!).getByRole('link', { name: 'Sigur Ros - Second' })).toHaveAttribute('href', '/songs/12');
    expect(within(section).queryByText('That is every airing.')).toBeNull();

    fireEvent.click(within(section).getByRole('button', { name: 'More airings' }));
    await waitFor(() => expect(airingRows()).toHaveLength(55));
    expect(historyParams(backend)).toEqual([
      { artist_id: '3', limit: '50' },
      { artist_id: '3', limit: '50', before: '6' },
    ]);
    const titles = [...section.querySelectorAll('a.song-link')];
    expect(titles).toHaveLength(55);
    expect(titles.map((link) => link.getAttribute('href'))).toEqual(AIRINGS.map((item) => `/songs/${item.song_id}`));
    expect(within(section).getByText('That is every airing.')).toBeInTheDocument();
    expect(within(section).queryByRole('button', { name: 'More airings' })).toBeNull();
  });

  it('says when the artist has not been aired, without a list or More', async () => {
    const backend = standardBackend({ catalog: artistOnly, history: artistHistory([]) });
    renderApp(backend, '/artists/3');
    const section = await airingsSection();
    expect(await within(section).findByText('Not aired yet.')).toBeInTheDocument();
    expect(within(section).queryByRole('list')).toBeNull();
    expect(within(section).queryByRole('button', { name: 'More airings' })).toBeNull();
    expect(within(section).queryByText('That is every airing.')).toBeNull();
    expect(historyParams(backend)).toEqual([{ artist_id: '3', limit: '50' }]);
  });

  it('offers a retry when the airings cannot be loaded, and keeps the rest of the page', async () => {
    let historyDown = true;
    const airings = artistHistory(AIRINGS.slice(50));
    const backend = standardBackend({
      catalog: artistOnly,
      history: (query) => (historyDown ? { status: 500, body: { detail: 'boom' } } : airings(query)),
    });
    renderApp(backend, '/artists/3');
    const section = await airingsSection();
    const alert = await within(section).findByRole('alert');
    expect(alert).toHaveTextContent('The airings could not be loaded.');
    expect(within(section).queryByRole('list')).toBeNull();
    expect(screen.getByRole('list', { name: 'Songs by Sigur Rós, most played first' })).toBeInTheDocument();

    historyDown = false;
    fireEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(airingRows()).toHaveLength(5));
    expect(within(section).queryByRole('alert')).toBeNull();
    expect(within(section).getByText('That is every airing.')).toBeInTheDocument();
    expect(historyParams(backend)).toEqual([
      { artist_id: '3', limit: '50' },
      { artist_id: '3', limit: '50' },
    ]);
    expect(backend.requestsTo('/artists/3')).toHaveLength(1);
  });

  it('asks for the airings only once the artist is known', async () => {
    let artistDown = true;
    const backend = standardBackend({
      catalog: (request) => (artistDown ? { status: 500, body: { detail: 'boom' } } : artistOnly(request)),
      history: artistHistory(AIRINGS),
    });
    renderApp(backend, '/artists/3');
    expect(await screen.findByText('The artist could not be loaded.')).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Every airing' })).toBeNull();
    expect(backend.requestsTo('/history')).toHaveLength(0);

    artistDown = false;
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(airingRows()).toHaveLength(50));
    expect(historyParams(backend)).toEqual([{ artist_id: '3', limit: '50' }]);
  });
});
