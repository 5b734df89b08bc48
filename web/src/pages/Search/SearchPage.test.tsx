import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SEARCH_DEBOUNCE_MS } from '../../components/SearchBox/SearchBox';
import { ARTIST_MATCHES } from './SearchPage';
import { historyItems, songSummary } from '../../test/fixtures';
import { pageOf, renderApp, standardBackend } from '../../test/render-app';

function searchInput() {
  return screen.getByRole('searchbox', { name: 'Search songs' });
}

describe('search', () => {
  afterEach(() => vi.useRealTimers());

  it('goes to /search?q= once typing pauses, and only then', async () => {
    const backend = standardBackend({ catalog: () => ({ body: [] }) });
    renderApp(backend, '/');
    vi.useFakeTimers({ shouldAdvanceTime: true });
    fireEvent.input(searchInput(), { target: { value: 'sig' } });
    fireEvent.input(searchInput(), { target: { value: 'sigur rós' } });
    expect(window.location.pathname).toBe('/');
    vi.advanceTimersByTime(SEARCH_DEBOUNCE_MS + 10);
    await waitFor(() => expect(window.location.pathname + window.location.search).toBe('/search?q=sigur+r%C3%B3s'));
    expect(await screen.findByRole('heading', { name: 'Results for “sigur rós”' })).toBeInTheDocument();
    await waitFor(() => expect(backend.requestsTo('/songs').map((request) => request.url.searchParams.get('q'))).toEqual(['sigur rós']));
  });

  it('keeps what is typed after a pause took the box to the search page', async () => {
    renderApp(standardBackend({ catalog: () => ({ body: [] }) }), '/');
    vi.useFakeTimers({ shouldAdvanceTime: true });
    fireEvent.input(searchInput(), { target: { value: 'sigur r' } });
    vi.advanceTimersByTime(SEARCH_DEBOUNCE_MS + 10);
    fireEvent.input(searchInput(), { target: { value: 'sigur ro' } });
    await waitFor(() => expect(window.location.search).toBe('?q=sigur+r'));
    expect(searchInput()).toHaveValue('sigur ro');
    vi.advanceTimersByTime(SEARCH_DEBOUNCE_MS + 10);
    await waitFor(() => expect(window.location.search).toBe('?q=sigur+ro'));
    expect(searchInput()).toHaveValue('sigur ro');
    // Back (or a link) changes the address by itself: the box follows.
    window.history.pushState(null, '', '/search?q=bj%C3%B6rk');
    window.dispatchEvent(new PopStateEvent('popstate'));
    await waitFor(() => expect(searchInput()).toHaveValue('björk'));
  });

  it('lists matching songs with plays, last airing and a link, then matching airings with More', async () => {
    const airings = historyItems(60, 1, { song_title: 'Sigur Rós - Hoppípolla', song_id: 7 });
    const backend = standardBackend({
      catalog: (request) =>
        request.url.pathname === '/songs' ? { body: [songSummary(7, { title: 'Sigur Rós - Hoppípolla', plays: 60 })] } : undefined,
      history: (query) => (query.q === 'hopp' ? pageOf(airings)(query) : []),
    });
    renderApp(backend, '/search?q=hopp');
    const songs = await screen.findByRole('list', { name: 'Matching songs' });
    expect(within(songs).getByRole('link', { name: 'Sigur Rós - Hoppípolla' })).toHaveAttribute('href', '/songs/7');
    expect(songs).toHaveTextContent('60 plays · last');
    expect(searchInput()).toHaveValue('hopp');
    const list = await screen.findByRole('list', { name: 'Matching airings, newest first' });
    await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(50));
    fireEvent.click(screen.getByRole('button', { name: 'More airings' }));
    await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(60));
    expect(backend.requestsTo('/history').every((request) => request.url.searchParams.get('q') === 'hopp')).toBe(true);
    expect(await screen.findByText('That is every matching airing.')).toBeInTheDocument();
  });

  it('lists matching artists above the songs, linked to their pages', async () => {
    const sigurRos = { id: 31, name: 'Sigur Rós', songs: 3, plays: 14, last_played_at: '2026-12-06T17:07:00+00:00' };
    const backend = standardBackend({
      catalog: (request) => {
        if (request.url.pathname === '/artists') return { body: request.url.searchParams.get('q') === 'sigur' ? [sigurRos] : [] };
        return request.url.pathname === '/songs' ? { body: [songSummary(7, { title: 'Sigur Rós - Hoppípolla' })] } : undefined;
      },
    });
    renderApp(backend, '/search?q=sigur');
    const artists = await screen.findByRole('list', { name: 'Matching artists' });
    expect(within(artists).getByRole('link', { name: 'Sigur Rós' })).toHaveAttribute('href', '/artists/31');
    expect(artists).toHaveTextContent('3 songs, 14 plays');
    expect(within(artists).getByRole('button', { name: /^Notify me about .*Sigur Rós/ })).toBeInTheDocument();
    const headings = screen.getAllByRole('heading', { level: 2 }).map((heading) => heading.textContent);
    expect(headings.slice(0, 2)).toEqual(['Artists', 'Songs']);
    expect(backend.requestsTo('/artists').map((request) => request.url.searchParams.get('limit'))).toEqual([String(ARTIST_MATCHES)]);
  });

  it('leaves the artists out when no name has the words', async () => {
    const backend = standardBackend({
      catalog: (request) => ({ body: request.url.pathname === '/songs' ? [songSummary(7, { title: 'Sigur Rós - Hoppípolla' })] : [] }),
    });
    renderApp(backend, '/search?q=hopp');
    expect(await screen.findByRole('list', { name: 'Matching songs' })).toBeInTheDocument();
    await waitFor(() => expect(backend.requestsTo('/artists')).toHaveLength(1));
    expect(screen.queryByRole('heading', { name: 'Artists' })).not.toBeInTheDocument();
    expect(screen.queryByRole('list', { name: 'Matching artists' })).not.toBeInTheDocument();
  });

  it('says when nothing matches, and asks for words when there are none', async () => {
    renderApp(standardBackend({ catalog: () => ({ body: [] }) }), '/search?q=zzz');
    expect(await screen.findByText('No song title has these words.')).toBeInTheDocument();
    expect(await screen.findByText('Nothing matching was played.')).toBeInTheDocument();
    window.history.replaceState(null, '', '/search');
    renderApp(standardBackend(), '/search');
    expect(screen.getAllByText(/Type a few words of a title/)[0]).toBeInTheDocument();
  });

  it('shows what the server refused', async () => {
    const refusal = { status: 422, body: { detail: { query: { q: ['Longer than 200 characters.'] } } } };
    renderApp(standardBackend({ catalog: () => refusal, history: () => refusal }), `/search?q=${'a'.repeat(201)}`);
    expect(
      await screen.findByText(/The songs could not be searched\. Invalid request \(query\.q: Longer than 200 characters\.\)/),
    ).toBeInTheDocument();
    expect(await screen.findByText('The airings could not be searched.')).toBeInTheDocument();
    expect(await screen.findByText(/The artists could not be searched\. Invalid request \(query\.q:/)).toBeInTheDocument();
  });
});
