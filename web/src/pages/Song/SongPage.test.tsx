import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { historyItems, songDetail, songStats, USER } from '../../test/fixtures';
import { pageOf, renderApp, standardBackend } from '../../test/render-app';
import type { RecordedRequest } from '../../test/fake-backend';

function catalog(request: RecordedRequest) {
  if (request.url.pathname === '/songs/7')
    return { body: songDetail(7, { title: 'Sigur Rós - Hoppípolla', artist: 'Sigur Rós', artist_id: 3, plays: 60 }) };
  if (request.url.pathname === '/songs/7/stats')
    return {
      body: songStats(
        [
          [4, 17, 5],
          [0, 8, 1],
        ],
        [{ date: '2026-12-01', plays: 2 }],
      ),
    };
  return undefined;
}

describe('song page', () => {
  it('shows the title, the artist link, the plays and both charts', async () => {
    const backend = standardBackend({ catalog });
    renderApp(backend, '/songs/7');
    expect(await screen.findByRole('heading', { level: 1, name: 'Sigur Rós - Hoppípolla' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Sigur Rós' })).toHaveAttribute('href', '/artists/3');
    expect(document.title).toBe('Sigur Rós - Hoppípolla · Nicecream History');

    // Plain DOM queries below: role queries over the 168 cells are slow in jsdom.
    const heat = await waitFor(() => {
      const svg = document.querySelector<SVGElement>('svg.heat-map');
      if (!svg) throw new Error('no heat map yet');
      return svg;
    });
    expect(heat).toHaveAttribute('role', 'img');
    expect(heat).toHaveAccessibleName(/^Plays by weekday and hour/);
    expect(heat).toHaveAccessibleDescription('6 plays in all; most often on Friday 17:00–18:00 (5 plays).');
    expect(heat.querySelectorAll('rect')).toHaveLength(7 * 24);
    expect(heat.querySelector('rect[data-plays="5"] title')).toHaveTextContent('Friday 17:00–18:00: 5 plays');
    const daily = document.querySelector('svg.daily-chart')!;
    expect(daily).toHaveAccessibleName(/^Plays per day/);
    expect(daily.querySelectorAll('rect[data-date]')).toHaveLength(1);
    const stats = backend.requestsTo('/songs/7/stats')[0]!.url.searchParams;
    expect(stats.get('days')).toBe('90');
    expect(stats.get('tz')).toBe(Intl.DateTimeFormat().resolvedOptions().timeZone);
  });

  it('lists every airing, More after 50', async () => {
    const airings = historyItems(55, 1, { song_id: 7, song_title: 'Sigur Rós - Hoppípolla' });
    const backend = standardBackend({ catalog, history: (query) => (query.songId === 7 ? pageOf(airings)(query) : []) });
    renderApp(backend, '/songs/7');
    const rows = () => document.querySelectorAll('ol[aria-label="Airings of this song, newest first"] > li');
    await waitFor(() => expect(rows()).toHaveLength(50));
    fireEvent.click(screen.getByLabelText('More airings'));
    await waitFor(() => expect(rows()).toHaveLength(55));
    expect(backend.requestsTo('/history').every((request) => request.url.searchParams.get('song_id') === '7')).toBe(true);
    expect(screen.getAllByLabelText(/Search YouTube for Sigur Rós - Hoppípolla/).length).toBeGreaterThan(0);
  });

  it('asks for another period and offers the numbers as tables', async () => {
    const backend = standardBackend({ catalog });
    renderApp(backend, '/songs/7');
    const period = await screen.findByRole('combobox', { name: 'Period' });
    fireEvent.change(period, { target: { value: '365' } });
    await waitFor(() =>
      expect(backend.requestsTo('/songs/7/stats').map((request) => request.url.searchParams.get('days'))).toEqual(['90', '365']),
    );
    const table = await screen.findByRole('table', { name: /Plays by weekday \(rows\) and hour \(columns\)/, hidden: true });
    expect(within(table).getAllByRole('row', { hidden: true })).toHaveLength(8);
  });

  it('bookmarks the song with its heart when signed in', async () => {
    const backend = standardBackend({
      user: USER,
      catalog,
      history: (query) => (query.songId === 7 ? historyItems(2, 1, { song_id: 7, song_title: 'Sigur Rós - Hoppípolla' }) : []),
    });
    renderApp(backend, '/songs/7');
    const header = (await screen.findByRole('heading', { level: 1 })).parentElement!.parentElement!;
    const heart = await within(header).findByRole('button', { name: 'Bookmark Sigur Rós - Hoppípolla' });
    fireEvent.click(heart);
    await waitFor(() =>
      expect(within(header).getByRole('button', { name: 'Remove bookmark: Sigur Rós - Hoppípolla' })).toHaveAttribute(
        'aria-pressed',
        'true',
      ),
    );
    expect(backend.requestsTo('/user/bookmarks', 'POST')[0]!.body).toEqual({ song_id: 7 });
  });

  it('says when the song does not exist, or the id is no id', async () => {
    renderApp(standardBackend({ catalog: () => ({ status: 404, body: { detail: 'Not found' } }) }), '/songs/99');
    expect(await screen.findByRole('heading', { name: 'Song not found' })).toBeInTheDocument();
  });

  it('refuses an id that is not one without asking', () => {
    const backend = standardBackend();
    renderApp(backend, '/songs/abc');
    expect(screen.getByRole('heading', { name: 'Song not found' })).toBeInTheDocument();
    expect(backend.requestsTo('/songs/abc')).toHaveLength(0);
  });

  it('offers a retry when the song cannot be loaded', async () => {
    let down = true;
    renderApp(standardBackend({ catalog: (request) => (down ? { status: 500, body: { detail: 'boom' } } : catalog(request)) }), '/songs/7');
    expect(await screen.findByText('The song could not be loaded.')).toBeInTheDocument();
    down = false;
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Sigur Rós - Hoppípolla' })).toBeInTheDocument();
  });
});
