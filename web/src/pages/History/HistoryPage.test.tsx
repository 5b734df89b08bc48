import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { NETWORK_DOWN } from '../../test/fake-backend';
import { channelStatus, historyItem, historyItems, USER } from '../../test/fixtures';
import { pageOf, renderApp, standardBackend } from '../../test/render-app';

function historyList() {
  return screen.getByLabelText('Songs played, newest first');
}

// Plain DOM queries where lists are long: role queries over hundreds of rows are slow in jsdom.
function listedIds(): number[] {
  return [...historyList().querySelectorAll('li[data-id]')].map((row) => Number(row.getAttribute('data-id')));
}

function moreButton(): HTMLElement {
  return screen.getByLabelText('More songs');
}

function card(channelName: string) {
  return screen.findByRole('article', { name: `Channel ${channelName}` });
}

describe('history page: loading, empty, error', () => {
  it('shows spinners with readable text while loading', () => {
    renderApp(standardBackend());
    expect(screen.getByText('Loading channels…').parentElement).toHaveAttribute('role', 'status');
    expect(screen.getByText('Loading history…').parentElement).toHaveAttribute('role', 'status');
  });

  it('says when nothing was recorded', async () => {
    renderApp(standardBackend({ history: () => [] }));
    expect(await screen.findByText('No songs recorded yet.')).toBeInTheDocument();
    await waitFor(async () => expect(await card('red')).toHaveTextContent('Nothing recorded yet.'));
  });

  it('shows an error with a retry, and a toast, when the history cannot be loaded', async () => {
    let down = true;
    renderApp(standardBackend({ history: (query) => (down ? NETWORK_DOWN : pageOf(historyItems(3, 1))(query)) }));
    expect(await screen.findByText('The history could not be loaded.')).toBeInTheDocument();
    expect(await screen.findByText('The server could not be reached. Check your connection.')).toBeInTheDocument();
    down = false;
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(listedIds()).toEqual([3, 2, 1]));
    expect(screen.queryByText('The history could not be loaded.')).toBeNull();
  });

  it('says which now-playing cards could not be loaded, apart from channels with nothing yet', async () => {
    renderApp(
      standardBackend({ history: (query) => (query.channelId === 2 ? NETWORK_DOWN : query.channelId === 1 ? [historyItem(4)] : []) }),
    );
    await waitFor(async () => expect(await card('green')).toHaveTextContent('Not available right now.'));
    expect(await card('blue')).toHaveTextContent('Nothing recorded yet.');
    expect(await card('red')).toHaveTextContent(historyItem(4).song_title);
  });

  it('shows an error with a retry when the channels cannot be loaded', async () => {
    renderApp(standardBackend({ channels: 'down' }));
    expect(await screen.findByText('The channels could not be loaded.')).toBeInTheDocument();
    expect(screen.queryByRole('group', { name: 'Filter history by channel' })).toBeNull();
  });
});

describe('history page: list and now playing', () => {
  it('lists songs newest first with time, search links and a heart', async () => {
    const backend = standardBackend({ history: pageOf([historyItem(2, { song_title: 'Moby - Porcelain' }), historyItem(1)]) });
    renderApp(backend);
    await waitFor(() => expect(listedIds()).toEqual([2, 1]));
    const row = within(historyList()).getAllByRole('listitem')[0]!;
    expect(row.querySelector('.song-title')).toHaveTextContent(/^Moby - Porcelain$/);
    expect(row.querySelector('time')).toHaveAttribute('datetime', '2026-11-27T19:57:07.590829+00:00');
    const youtube = within(row).getByRole('link', { name: /Search YouTube for Moby - Porcelain/ });
    expect(youtube).toHaveAttribute('href', 'https://www.youtube.com/results?search_query=Moby+-+Porcelain');
    expect(youtube).toHaveAttribute('target', '_blank');
    expect(youtube).toHaveAttribute('rel', expect.stringContaining('noopener'));
    const soundcloud = within(row).getByRole('link', { name: /Search SoundCloud for Moby - Porcelain/ });
    expect(soundcloud).toHaveAttribute('href', 'https://soundcloud.com/search?q=Moby+-+Porcelain');
    expect(soundcloud).toHaveAttribute('rel', expect.stringContaining('noopener'));
    expect(within(row).getByRole('button', { name: /Bookmark Moby - Porcelain/ })).toHaveAttribute('aria-pressed', 'false');
    expect(backend.requestsTo('/history').map((r) => r.url.search)).toContain('?limit=50&gaps=true');
  });

  it('fills one now-playing card per channel from limit=1 calls', async () => {
    const items = [historyItem(9, { channel_id: 3, song_title: 'Blue now' }), historyItem(8, { channel_id: 1, song_title: 'Red now' })];
    const backend = standardBackend({ history: pageOf(items) });
    renderApp(backend);
    await waitFor(async () => expect(await card('red')).toHaveTextContent('Red now'));
    expect(await card('blue')).toHaveTextContent('Blue now');
    expect(await card('green')).toHaveTextContent('Nothing recorded yet.');
    const limitOne = backend.requestsTo('/history').filter((r) => r.url.searchParams.get('limit') === '1');
    expect(limitOne.map((r) => r.url.searchParams.get('channel_id')).sort()).toEqual(['1', '2', '3']);
  });

  it('loads older songs with "More", on the smallest id shown, until there are none', async () => {
    const backend = standardBackend({ history: pageOf(historyItems(120, 1)) });
    renderApp(backend);
    await waitFor(() => expect(listedIds()).toHaveLength(50));
    fireEvent.click(moreButton());
    await waitFor(() => expect(listedIds()).toHaveLength(100));
    fireEvent.click(moreButton());
    await waitFor(() => expect(listedIds()).toHaveLength(120));
    expect(listedIds()).toEqual(historyItems(120, 1).map((item) => item.id));
    const cursors = backend
      .requestsTo('/history')
      .map((r) => r.url.searchParams.get('before'))
      .filter(Boolean);
    expect(cursors).toEqual(['71', '21']);
    expect(screen.queryByLabelText('More songs')).toBeNull();
    expect(screen.getByText('That is all the history there is.')).toBeInTheDocument();
  });
});

describe('history page: channel filter', () => {
  const items = [
    historyItem(6, { channel_id: 2 }),
    historyItem(5, { channel_id: 1 }),
    historyItem(4, { channel_id: 2 }),
    historyItem(3, { channel_id: 3 }),
  ];

  it('filters by channel, keeping the choice in ?channel=', async () => {
    const backend = standardBackend({ history: pageOf(items) });
    renderApp(backend);
    const filter = await screen.findByRole('group', { name: 'Filter history by channel' });
    expect(within(filter).getByRole('button', { name: 'All' })).toHaveAttribute('aria-pressed', 'true');
    await waitFor(() => expect(listedIds()).toEqual([6, 5, 4, 3]));
    fireEvent.click(within(filter).getByRole('button', { name: 'green' }));
    expect(window.location.search).toBe('?channel=2');
    await waitFor(() => expect(listedIds()).toEqual([6, 4]));
    expect(within(filter).getByRole('button', { name: 'green' })).toHaveAttribute('aria-pressed', 'true');
    expect(document.getElementById('history-heading')).toHaveTextContent(/^History of green$/);
    fireEvent.click(within(filter).getByRole('button', { name: 'All' }));
    expect(window.location.search).toBe('');
    await waitFor(() => expect(listedIds()).toEqual([6, 5, 4, 3]));
  });

  it('starts filtered from the URL', async () => {
    const backend = standardBackend({ history: pageOf(items) });
    renderApp(backend, '/?channel=3');
    await waitFor(() => expect(listedIds()).toEqual([3]));
    expect(backend.requestsTo('/history').map((r) => r.url.search)).toContain('?channel_id=3&limit=50&gaps=true');
  });

  it("announces the chosen channel's Atom feed, and none for all channels", async () => {
    const backend = standardBackend({ history: pageOf(items) });
    const feeds = () =>
      [...document.head.querySelectorAll('link[rel="alternate"][type="application/atom+xml"]')].map((link) => link.getAttribute('href'));
    const { unmount } = renderApp(backend, '/?channel=3');
    await waitFor(() => expect(feeds()).toEqual(['/channels/3/feed.atom']));
    unmount();
    renderApp(backend, '/');
    await waitFor(() => expect(listedIds().length).toBeGreaterThan(0));
    expect(feeds()).toEqual([]);
  });

  it('shows everything for a channel that does not exist', async () => {
    renderApp(standardBackend({ history: pageOf(items) }), '/?channel=99');
    await waitFor(() => expect(window.location.search).toBe(''));
    await waitFor(() => expect(listedIds()).toEqual([6, 5, 4, 3]));
  });

  it('follows Back to the previous filter', async () => {
    renderApp(standardBackend({ history: pageOf(items) }));
    const filter = await screen.findByRole('group', { name: 'Filter history by channel' });
    fireEvent.click(within(filter).getByRole('button', { name: 'red' }));
    await waitFor(() => expect(listedIds()).toEqual([5]));
    window.history.back();
    await waitFor(() => expect(listedIds()).toEqual([6, 5, 4, 3]));
  });
});

describe('history page: live updates', () => {
  it('is on by default, shows the stream state, and prepends new items with a highlight', async () => {
    const backend = standardBackend({ history: pageOf(historyItems(10, 9)) });
    renderApp(backend);
    await waitFor(() => expect(listedIds()).toEqual([10, 9]));
    const toggle = screen.getByRole<HTMLInputElement>('switch', { name: 'Live updates' });
    expect(toggle).toBeChecked();
    expect(screen.getByText('Connecting…')).toHaveAttribute('data-status', 'connecting');
    const source = backend.sources[0]!;
    expect(source.url).toMatch(/^\/history\/events/);
    source.open();
    await screen.findByText('Live');
    source.send(historyItem(11, { channel_id: 2, song_title: 'Fresh one' }));
    await waitFor(() => expect(listedIds()).toEqual([11, 10, 9]));
    const fresh = within(historyList()).getAllByRole('listitem')[0]!;
    expect(fresh).toHaveClass('is-live');
    expect(await card('green')).toHaveTextContent('Fresh one');
  });

  it('does not repeat an item that is sent again, nor one already loaded', async () => {
    const backend = standardBackend({ history: pageOf(historyItems(10, 9)) });
    renderApp(backend);
    await waitFor(() => expect(listedIds()).toEqual([10, 9]));
    const source = backend.sources[0]!;
    source.open();
    source.send(historyItem(10));
    source.send(historyItem(11));
    source.send(historyItem(11));
    await waitFor(() => expect(listedIds()).toEqual([11, 10, 9]));
  });

  it('keeps other channels out of a filtered list but still updates their cards', async () => {
    const backend = standardBackend({ history: pageOf([historyItem(5, { channel_id: 1 })]) });
    renderApp(backend, '/?channel=1');
    await waitFor(() => expect(listedIds()).toEqual([5]));
    backend.sources[0]!.send(historyItem(6, { channel_id: 3, song_title: 'On blue' }));
    backend.sources[0]!.send(historyItem(7, { channel_id: 1, song_title: 'On red' }));
    await waitFor(() => expect(listedIds()).toEqual([7, 5]));
    expect(await card('blue')).toHaveTextContent('On blue');
    expect(await card('red')).toHaveTextContent('On red');
  });

  it('has no gap or repeat when items arrived live before "More"', async () => {
    const store = historyItems(60, 1);
    const backend = standardBackend({ history: (query) => pageOf(store)(query) });
    renderApp(backend);
    await waitFor(() => expect(listedIds()).toHaveLength(50));
    for (const id of [61, 62]) {
      store.unshift(historyItem(id));
      backend.sources[0]!.send(historyItem(id));
    }
    fireEvent.click(moreButton());
    await waitFor(() => expect(listedIds()).toHaveLength(62));
    expect(listedIds()).toEqual(historyItems(62, 1).map((item) => item.id));
  });

  it('shows a channel an admin added and drops one removed without a reload, showing everything instead of the removed one', async () => {
    const backend = standardBackend({ history: pageOf([historyItem(5, { channel_id: 3 })]) });
    renderApp(backend, '/?channel=3');
    await waitFor(() => expect(listedIds()).toEqual([5]));
    const source = backend.sources[0]!;
    source.open();
    source.sendChannel({ id: 4, name: 'purple', url: 'http://127.0.0.1:1/purple', status: channelStatus({ state: 'pending' }) });
    expect(await card('purple')).toHaveTextContent('Not polled yet');
    const filter = screen.getByRole('group', { name: 'Filter history by channel' });
    expect(
      within(filter)
        .getAllByRole('button')
        .map((button) => button.textContent),
    ).toEqual(['All', 'red', 'green', 'blue', 'purple']);
    source.sendChannelRemoved(3);
    await waitFor(() => expect(screen.queryByRole('article', { name: 'Channel blue' })).toBeNull());
    expect(within(filter).queryByRole('button', { name: 'blue' })).toBeNull();
    await waitFor(() => expect(window.location.search).toBe(''));
  });

  it('shows "Reconnecting…" when the stream drops and reopens it after the newest id', async () => {
    const backend = standardBackend({ history: pageOf(historyItems(30, 29)) });
    renderApp(backend);
    await waitFor(() => expect(listedIds()).toEqual([30, 29]));
    const first = backend.sources[0]!;
    first.open();
    first.fail(false);
    expect(await screen.findByText('Reconnecting…')).toHaveAttribute('data-status', 'reconnecting');
    first.fail(true);
    await waitFor(() => expect(backend.sources).toHaveLength(2), { timeout: 3_000 });
    expect(backend.sources[1]!.url).toBe('/history/events?last_event_id=30');
  });

  it('closes the stream when switched off, and opens a new one when switched on', async () => {
    const backend = standardBackend({ history: pageOf(historyItems(3, 1)) });
    renderApp(backend);
    await waitFor(() => expect(listedIds()).toEqual([3, 2, 1]));
    fireEvent.click(screen.getByRole('switch', { name: 'Live updates' }));
    expect(backend.sources[0]!.closed).toBe(true);
    expect(screen.getByText('Off')).toHaveAttribute('data-status', 'off');
    fireEvent.click(screen.getByRole('switch', { name: 'Live updates' }));
    expect(backend.sources).toHaveLength(2);
    expect(backend.sources[1]!.url).toBe('/history/events?last_event_id=3');
  });
});

describe('history page: bookmarks', () => {
  it('keeps hearts inert with a hint when signed out', async () => {
    const backend = standardBackend({ user: null, history: pageOf([historyItem(1, { song_title: 'Song' })]) });
    renderApp(backend);
    await screen.findByRole('link', { name: /Sign in with Google/ });
    await waitFor(() => expect(listedIds()).toEqual([1]));
    const heart = within(historyList()).getByRole('button', { name: /Bookmark Song \(sign in to bookmark songs\)/ });
    expect(heart).toHaveAttribute('aria-disabled', 'true');
    expect(heart).toHaveAttribute('title', 'Sign in to bookmark songs');
    fireEvent.click(heart);
    expect(backend.requestsTo('/user/bookmarks', 'POST')).toHaveLength(0);
  });

  it('bookmarks a song with the CSRF token, marks every play of it, and removes it again', async () => {
    document.cookie = 'nicecream_history_csrf=csrf-123; path=/';
    const items = [
      historyItem(3, { song_id: 50, song_title: 'Twice' }),
      historyItem(2),
      historyItem(1, { song_id: 50, song_title: 'Twice' }),
    ];
    const backend = standardBackend({ user: USER, history: pageOf(items) });
    renderApp(backend);
    await screen.findByText('Ada Lovelace');
    await waitFor(() => expect(listedIds()).toEqual([3, 2, 1]));
    const hearts = () => within(historyList()).getAllByRole('button', { name: /bookmark.*Twice/i });
    expect(hearts().map((h) => h.getAttribute('aria-pressed'))).toEqual(['false', 'false']);

    fireEvent.click(hearts()[0]!);
    await waitFor(() => expect(hearts().map((h) => h.getAttribute('aria-pressed'))).toEqual(['true', 'true']));
    const [post] = backend.requestsTo('/user/bookmarks', 'POST');
    expect(post?.body).toEqual({ song_id: 50 });
    expect(post?.headers['X-Csrf-Token']).toBe('csrf-123');
    expect(post?.credentials).toBe('include');

    fireEvent.click(hearts()[1]!);
    await waitFor(() => expect(hearts().map((h) => h.getAttribute('aria-pressed'))).toEqual(['false', 'false']));
    const [del] = backend.requestsTo('/user/bookmarks/900', 'DELETE');
    expect(del?.headers['X-Csrf-Token']).toBe('csrf-123');
  });

  it('shows the server-side bookmark state and gives live plays of a bookmarked song a filled heart', async () => {
    const backend = standardBackend({
      user: USER,
      history: pageOf([historyItem(1, { song_id: 50, bookmark_id: 77, song_title: 'Loved' })]),
    });
    renderApp(backend);
    await waitFor(() => expect(listedIds()).toEqual([1]));
    backend.sources[0]!.send(historyItem(2, { song_id: 50, song_title: 'Loved' }));
    await waitFor(() => expect(listedIds()).toEqual([2, 1]));
    const hearts = within(historyList()).getAllByRole('button', { name: /Remove bookmark: Loved/ });
    expect(hearts).toHaveLength(2);
  });

  it('toasts the reason when bookmarking fails', async () => {
    const backend = standardBackend({
      user: USER,
      history: pageOf([historyItem(1, { song_title: 'Nope' })]),
      mutate: () => ({ status: 422, body: { detail: { header: { 'X-Csrf-Token': ['Missing or invalid value.'] } } } }),
    });
    renderApp(backend);
    await screen.findByText('Ada Lovelace');
    await waitFor(() => expect(listedIds()).toEqual([1]));
    fireEvent.click(within(historyList()).getByRole('button', { name: 'Bookmark Nope' }));
    const toast = await screen.findByText(/X-Csrf-Token/);
    expect(toast.closest('.toast')).toBeInTheDocument();
    expect(within(historyList()).getByRole('button', { name: 'Bookmark Nope' })).toHaveAttribute('aria-pressed', 'false');
  });
});
