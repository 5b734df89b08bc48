import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import type { ChartEntry } from '../../api/types';
import { renderApp, standardBackend } from '../../test/render-app';

const SONGS: ChartEntry[] = [
  { rank: 1, plays: 9, previous_rank: 3, song: { id: 7, title: 'Sigur Rós - Hoppípolla' } },
  { rank: 2, plays: 5, previous_rank: null, song: { id: 8, title: 'Moby - Porcelain' } },
  { rank: 3, plays: 1, previous_rank: 1, song: { id: 9, title: 'Air - La femme d’argent' } },
  { rank: 4, plays: 1, previous_rank: 4, song: { id: 10, title: 'Four - Four' } },
];
const ARTISTS: ChartEntry[] = [{ rank: 1, plays: 12, previous_rank: 1, artist: { id: 3, name: 'Sigur Rós' } }];

function backend() {
  return standardBackend({
    catalog: (request) =>
      request.url.pathname === '/charts' ? { body: request.url.searchParams.get('by') === 'artist' ? ARTISTS : SONGS } : undefined,
  });
}

describe('charts page', () => {
  it('ranks this week’s songs with movement arrows and text for screen readers', async () => {
    const api = backend();
    renderApp(api, '/charts');
    const list = await screen.findByRole('list', { name: 'Most played songs' });
    const rows = within(list).getAllByRole('listitem');
    expect(within(rows[0]!).getByRole('link', { name: 'Sigur Rós - Hoppípolla' })).toHaveAttribute('href', '/songs/7');
    expect(rows[0]).toHaveTextContent('up 2 from 3');
    expect(rows[1]).toHaveTextContent('new');
    expect(rows[2]).toHaveTextContent('down 2 from 1');
    expect(rows[3]).toHaveTextContent('same place as before');
    const asked = api.requestsTo('/charts')[0]!.url.searchParams;
    expect(asked.get('by')).toBe('song');
    expect(Date.parse(asked.get('to')!) - Date.parse(asked.get('from')!)).toBe(7 * 86_400_000);
  });

  it('switches to artists, this month and one channel, in the address too', async () => {
    const api = backend();
    renderApp(api, '/charts');
    await screen.findByRole('list', { name: 'Most played songs' });
    fireEvent.click(screen.getByRole('button', { name: 'Artists' }));
    const list = await screen.findByRole('list', { name: 'Most played artists' });
    expect(within(list).getByRole('link', { name: 'Sigur Rós' })).toHaveAttribute('href', '/artists/3');
    fireEvent.click(screen.getByRole('button', { name: 'This month' }));
    fireEvent.click(await screen.findByRole('button', { name: 'green' }));
    await waitFor(() => expect(window.location.search).toBe('?by=artist&period=month&channel_id=2'));
    await waitFor(() => {
      const last = api.requestsTo('/charts').at(-1)!.url.searchParams;
      expect([last.get('by'), last.get('channel_id')]).toEqual(['artist', '2']);
      expect(Date.parse(last.get('to')!) - Date.parse(last.get('from')!)).toBe(30 * 86_400_000);
    });
    expect(screen.getByRole('button', { name: 'This month' })).toHaveAttribute('aria-pressed', 'true');
  });

  it('ranks the last 365 days against the 365 before, from the address too', async () => {
    const api = backend();
    renderApp(api, '/charts?period=year');
    await screen.findByRole('list', { name: 'Most played songs' });
    expect(screen.getByRole('button', { name: 'This year' })).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByText('Plays in the last 365 days; arrows compare with the 365 days before.')).toBeInTheDocument();
    const asked = api.requestsTo('/charts')[0]!.url.searchParams;
    expect(Date.parse(asked.get('to')!) - Date.parse(asked.get('from')!)).toBe(365 * 86_400_000);
    fireEvent.click(screen.getByRole('button', { name: 'This week' }));
    await waitFor(() => expect(window.location.search).toBe(''));
    expect(await screen.findByText('Plays in the last 7 days; arrows compare with the 7 days before.')).toBeInTheDocument();
  });

  it('says when nothing was played', async () => {
    renderApp(standardBackend({ catalog: () => ({ body: [] }) }), '/charts');
    expect(await screen.findByText('Nothing was played in this period.')).toBeInTheDocument();
  });

  it('offers a retry when the chart cannot be loaded', async () => {
    renderApp(standardBackend({ catalog: () => ({ status: 500, body: { detail: 'boom' } }) }), '/charts');
    expect(await screen.findByText('The chart could not be loaded.')).toBeInTheDocument();
  });
});
