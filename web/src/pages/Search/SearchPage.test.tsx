import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SEARCH_DEBOUNCE_MS } from '../../components/SearchBox/SearchBox';
import { ARTIST_MATCHES } from './SearchPage';
import { historyItem, historyItems, songSummary } from '../../test/fixtures';
import { pageOf, renderApp, standardBackend, type HistoryQuery } from '../../test/render-app';
import { describeDays } from '../../time/days';

// The listener is in Berlin (DST from the last Sunday of March to the last of October), wherever the tests run.
vi.mock('../../time/zones', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../time/zones')>()),
  listenerTimeZone: () => 'Europe/Berlin',
}));

const HOUR_MS = 3_600_000;

function searchInput() {
  return screen.getByRole('searchbox', { name: 'Search songs' });
}

/** "love" was played on red (1) and green (2), on 6, 7 and 8 December 2026, Berlin time; ids grow with time. */
const LOVE_AIRINGS = [
  historyItem(6, { channel_id: 2, created_at: '2026-12-08T09:00:00+00:00', song_title: 'Love - Six' }),
  historyItem(5, { channel_id: 1, created_at: '2026-12-07T23:30:00+00:00', song_title: 'Love - Five' }), // 8 Dec, 00:30 in Berlin
  historyItem(4, { channel_id: 2, created_at: '2026-12-07T12:00:00+00:00', song_title: 'Love - Four' }),
  historyItem(3, { channel_id: 1, created_at: '2026-12-07T08:00:00+00:00', song_title: 'Love - Three' }),
  historyItem(2, { channel_id: 2, created_at: '2026-12-06T23:30:00+00:00', song_title: 'Love - Two' }), // 7 Dec, 00:30 in Berlin
  historyItem(1, { channel_id: 1, created_at: '2026-12-06T10:00:00+00:00', song_title: 'Love - One' }),
];

/** GET /history as the server answers a search: the channel, `from <= created_at < to`, then the page. */
function loveHistory(query: HistoryQuery) {
  const inTime = LOVE_AIRINGS.filter(
    (item) =>
      (query.from === null || Date.parse(item.created_at) >= Date.parse(query.from)) &&
      (query.to === null || Date.parse(item.created_at) < Date.parse(query.to)),
  );
  return query.q === 'love' ? pageOf(inTime)(query) : [];
}

function loveBackend() {
  return standardBackend({ catalog: () => ({ body: [] }), history: loveHistory });
}

function historyParams(backend: ReturnType<typeof standardBackend>): Record<string, string>[] {
  return backend.requestsTo('/history').map((request) => Object.fromEntries(request.url.searchParams));
}

function lastHistoryParams(backend: ReturnType<typeof standardBackend>): Record<string, string> | undefined {
  return historyParams(backend).at(-1);
}

/** The ids of the matching airings listed, newest first (none while there is no list). */
function listedIds(): number[] {
  return [...document.querySelectorAll<HTMLElement>('ol[aria-label="Matching airings, newest first"] > li')].map((row) =>
    Number(row.dataset.id),
  );
}

function airingsSection(): HTMLElement {
  return screen.getByRole('region', { name: 'Airings' });
}

/** The line saying what the airings are narrowed to. */
function narrowed(): Element | null {
  return airingsSection().querySelector('.airings-narrowed');
}

function address(): string {
  return window.location.pathname + window.location.search;
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

describe('narrowing a search’s airings', () => {
  afterEach(() => vi.useRealTimers());

  it('asks for the airings of the channel and days in the address, says so, and keeps the songs and artists catalog-wide', async () => {
    const backend = loveBackend();
    renderApp(backend, '/search?q=love&channel_id=2&from=2026-12-07T00:00:00%2B01:00&to=2026-12-09T00:00:00%2B01:00');
    await waitFor(() => expect(listedIds()).toEqual([6, 4, 2]));
    expect(historyParams(backend)).toEqual([
      { q: 'love', channel_id: '2', from: '2026-12-07T00:00:00+01:00', to: '2026-12-09T00:00:00+01:00', limit: '50' },
    ]);
    for (const path of ['/songs', '/artists'])
      expect(backend.requestsTo(path).map((request) => [...request.url.searchParams.keys()].sort())).toEqual([['limit', 'q']]);

    const section = airingsSection();
    expect(within(section).getByLabelText('From day')).toHaveValue('2026-12-07');
    expect(within(section).getByLabelText('To day')).toHaveValue('2026-12-08');
    expect(within(section).getByText('Days in Europe/Berlin (UTC+01:00).')).toBeInTheDocument();
    const channels = await within(section).findByRole('group', { name: 'Filter airings by channel' });
    expect(within(channels).getByRole('button', { name: 'green' })).toHaveAttribute('aria-pressed', 'true');
    expect(narrowed()?.textContent).toBe(`On green, ${describeDays({ from: '2026-12-07', to: '2026-12-08' })}.`);
    // The feed follows new airings on the channel: no days in it.
    const feeds = () =>
      [...document.head.querySelectorAll('link[rel="alternate"][type="application/atom+xml"]')].map((link) => [
        link.getAttribute('href'),
        link.getAttribute('title'),
      ]);
    await waitFor(() => expect(feeds()).toEqual([['/history/feed.atom?q=love&channel_id=2', 'Airings matching “love” on green (Atom)']]));
  });

  it('ignores what it cannot read in the address, and a channel that is not there', async () => {
    const backend = loveBackend();
    renderApp(backend, '/search?q=love&channel_id=abc&from=yesterday&to=2026-12-07');
    await waitFor(() => expect(listedIds()).toEqual([6, 5, 4, 3, 2, 1]));
    expect(historyParams(backend)).toEqual([{ q: 'love', limit: '50' }]);
    expect(screen.getByLabelText('From day')).toHaveValue('');
    expect(screen.getByRole('button', { name: 'Any time' })).toHaveAttribute('aria-pressed', 'true');
    expect(narrowed()).toBeNull();

    renderApp(backend, '/search?q=love&channel_id=99');
    const channels = await screen.findByRole('group', { name: 'Filter airings by channel' });
    expect(within(channels).getByRole('button', { name: 'All' })).toHaveAttribute('aria-pressed', 'true');
    await waitFor(() => expect(lastHistoryParams(backend)).toEqual({ q: 'love', limit: '50' }));
    await waitFor(() => expect(listedIds()).toEqual([6, 5, 4, 3, 2, 1]));
  });

  it('narrows by a channel and by quick days, replacing the address rather than adding to Back', async () => {
    // 11:00 on 8 December in Berlin.
    vi.useFakeTimers({ now: new Date('2026-12-08T10:00:00Z'), toFake: ['Date'] });
    const backend = loveBackend();
    renderApp(backend, '/search?q=love');
    await waitFor(() => expect(listedIds()).toEqual([6, 5, 4, 3, 2, 1]));
    const steps = window.history.length;
    const section = airingsSection();

    fireEvent.click(
      within(await within(section).findByRole('group', { name: 'Filter airings by channel' })).getByRole('button', { name: 'red' }),
    );
    await waitFor(() => expect(address()).toBe('/search?q=love&channel_id=1'));
    await waitFor(() => expect(listedIds()).toEqual([5, 3, 1]));
    expect(narrowed()?.textContent).toBe('On red.');

    fireEvent.click(within(section).getByRole('button', { name: 'Yesterday' }));
    await waitFor(() =>
      expect(address()).toBe('/search?q=love&channel_id=1&from=2026-12-07T00:00:00%2B01:00&to=2026-12-08T00:00:00%2B01:00'),
    );
    await waitFor(() => expect(listedIds()).toEqual([3]));
    expect(lastHistoryParams(backend)).toEqual({
      q: 'love',
      channel_id: '1',
      from: '2026-12-07T00:00:00+01:00',
      to: '2026-12-08T00:00:00+01:00',
      limit: '50',
    });
    expect(within(section).getByRole('button', { name: 'Yesterday' })).toHaveAttribute('aria-pressed', 'true');
    expect(within(section).getByLabelText('From day')).toHaveValue('2026-12-07');
    expect(within(section).getByLabelText('To day')).toHaveValue('2026-12-07');

    fireEvent.click(within(section).getByRole('button', { name: 'Today' }));
    await waitFor(() => expect(listedIds()).toEqual([5]));
    fireEvent.click(within(section).getByRole('button', { name: 'Last 7 days' }));
    await waitFor(() =>
      expect(address()).toBe('/search?q=love&channel_id=1&from=2026-12-02T00:00:00%2B01:00&to=2026-12-09T00:00:00%2B01:00'),
    );
    await waitFor(() => expect(listedIds()).toEqual([5, 3, 1]));

    // A day typed in: from its midnight on.
    fireEvent.input(within(section).getByLabelText('From day'), { target: { value: '2026-12-07' } });
    await waitFor(() =>
      expect(address()).toBe('/search?q=love&channel_id=1&from=2026-12-07T00:00:00%2B01:00&to=2026-12-09T00:00:00%2B01:00'),
    );
    await waitFor(() => expect(listedIds()).toEqual([5, 3]));

    fireEvent.click(within(section).getByRole('button', { name: 'Any time' }));
    await waitFor(() => expect(address()).toBe('/search?q=love&channel_id=1'));
    fireEvent.click(within(section).getByRole('button', { name: 'All' }));
    await waitFor(() => expect(address()).toBe('/search?q=love'));
    await waitFor(() => expect(listedIds()).toEqual([6, 5, 4, 3, 2, 1]));
    expect(window.history.length).toBe(steps);
  });

  it('says what the filters leave nothing of', async () => {
    renderApp(loveBackend(), '/search?q=love&channel_id=1&from=2026-12-08T12:00:00%2B01:00&to=2026-12-09T00:00:00%2B01:00');
    expect(await screen.findByText('Nothing matching was played on red in that time.')).toBeInTheDocument();
    expect(screen.queryByText('Nothing matching was played.')).toBeNull();
  });

  it('refuses a To day before the From day, saying so beside it, and asks nothing', async () => {
    const backend = loveBackend();
    renderApp(backend, '/search?q=love&from=2026-12-08T00:00:00%2B01:00');
    await waitFor(() => expect(listedIds()).toEqual([6, 5]));
    const asked = historyParams(backend).length;

    const toDay = screen.getByLabelText('To day');
    fireEvent.input(toDay, { target: { value: '2026-12-07' } });
    const message = await screen.findByText('The To day is before the From day: pick a later one.');
    expect(toDay).toHaveAttribute('aria-invalid', 'true');
    expect(toDay).toHaveAccessibleDescription('The To day is before the From day: pick a later one. Days in Europe/Berlin (UTC+01:00).');
    expect(message).toHaveAttribute('role', 'alert');
    expect(listedIds()).toEqual([]);
    expect(screen.queryByText(/^Nothing matching was played/)).toBeNull();
    expect(narrowed()).toBeNull();
    expect(historyParams(backend)).toHaveLength(asked);

    fireEvent.input(toDay, { target: { value: '2026-12-08' } });
    await waitFor(() => expect(listedIds()).toEqual([6, 5]));
    expect(screen.queryByText('The To day is before the From day: pick a later one.')).toBeNull();
    expect(toDay).not.toHaveAttribute('aria-invalid');
    expect(toDay).toHaveAccessibleDescription('Days in Europe/Berlin (UTC+01:00).');
    expect(lastHistoryParams(backend)).toEqual({
      q: 'love',
      from: '2026-12-08T00:00:00+01:00',
      to: '2026-12-09T00:00:00+01:00',
      limit: '50',
    });
  });

  it('asks nothing for a shared address whose range ends before it starts', async () => {
    const backend = loveBackend();
    renderApp(backend, '/search?q=love&from=2026-12-08T00:00:00%2B01:00&to=2026-12-07T00:00:00%2B01:00');
    expect(await screen.findByText('The To day is before the From day: pick a later one.')).toBeInTheDocument();
    await waitFor(() => expect(backend.requestsTo('/songs')).toHaveLength(1));
    expect(backend.requestsTo('/history')).toHaveLength(0);
  });

  it('makes a day with a DST change 23 or 25 hours long, midnight to midnight on the listener’s clocks', async () => {
    const backend = loveBackend();
    renderApp(backend, '/search?q=love');
    const section = airingsSection();
    const span = () => {
      const { from, to } = lastHistoryParams(backend) ?? {};
      return [from, to, (Date.parse(to ?? '') - Date.parse(from ?? '')) / HOUR_MS];
    };

    fireEvent.input(within(section).getByLabelText('From day'), { target: { value: '2026-03-29' } });
    await waitFor(() => expect(address()).toContain('from='));
    fireEvent.input(within(section).getByLabelText('To day'), { target: { value: '2026-03-29' } });
    await waitFor(() => expect(span()).toEqual(['2026-03-29T00:00:00+01:00', '2026-03-30T00:00:00+02:00', 23]));

    fireEvent.input(within(section).getByLabelText('To day'), { target: { value: '2026-10-25' } });
    await waitFor(() => expect(address()).toContain('to=2026-10-26'));
    fireEvent.input(within(section).getByLabelText('From day'), { target: { value: '2026-10-25' } });
    await waitFor(() => expect(span()).toEqual(['2026-10-25T00:00:00+02:00', '2026-10-26T00:00:00+01:00', 25]));
  });
});
