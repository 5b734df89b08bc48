import { act, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import type { Watch } from '../../api/types';
import { CHANNELS, historyItem, USER } from '../../test/fixtures';
import { renderApp, standardBackend } from '../../test/render-app';

const FEED = 'http://127.0.0.1:8080/feeds/watches/abc.atom';

function watch(id: number, overrides: Partial<Watch> = {}): Watch {
  return {
    id,
    kind: 'text',
    value: 'love',
    song_id: null,
    channel_id: null,
    created_at: '2026-12-05T07:00:00+00:00',
    feed_url: FEED,
    ...overrides,
  };
}

function backendWith(saved: Watch[]) {
  let watches = [...saved];
  let nextId = 50;
  return standardBackend({
    user: USER,
    watches: () => watches,
    catalog: (request) => (request.url.pathname === '/songs/40' ? { body: { id: 40, title: 'Air - Playground Love' } } : undefined),
    mutate: (request) => {
      const path = request.url.pathname;
      if (path === '/user/watches' && request.method === 'POST') {
        const body = request.body as { kind: Watch['kind']; value?: string; song_id?: number };
        const added = watch(nextId++, { kind: body.kind, value: body.value ?? 'Air - Playground Love', song_id: body.song_id ?? null });
        watches = [added, ...watches];
        return { status: 201, body: added };
      }
      if (path.startsWith('/user/watches/') && request.method === 'DELETE' && path !== '/user/watches/feed-token') {
        watches = watches.filter((existing) => `/user/watches/${existing.id}` !== path);
        return { status: 204 };
      }
      if (path === '/user/watches/feed-token') return { body: { feed_url: 'http://127.0.0.1:8080/feeds/watches/new.atom' } };
      return { status: 404, body: { detail: 'Not Found' } };
    },
  });
}

function rows(): HTMLElement[] {
  return [...screen.getByRole('list', { name: 'Your watches, newest first' }).querySelectorAll<HTMLElement>('li')];
}

describe('watches page', () => {
  it('asks a signed-out visitor to sign in and has no nav link for them', async () => {
    const backend = standardBackend({ user: null });
    renderApp(backend, '/watches');
    expect(await screen.findByText(/Sign in to be told when a song/)).toBeInTheDocument();
    expect(within(screen.getByRole('navigation', { name: 'Main' })).queryByRole('link', { name: /Watches/ })).toBeNull();
    expect(backend.requestsTo('/user/watches')).toHaveLength(0);
  });

  it('lists the watches with kind, value, channel and time, and the feed link', async () => {
    renderApp(
      backendWith([
        watch(3, { kind: 'song', song_id: 40, value: 'Air - Playground Love', channel_id: 2 }),
        watch(2, { kind: 'artist', value: 'Sigur Rós' }),
      ]),
      '/watches',
    );
    await waitFor(() => expect(rows()).toHaveLength(2));
    const [song, artist] = rows();
    expect(within(song!).getByText('Song')).toBeInTheDocument();
    expect(within(song!).getByRole('link', { name: 'Air - Playground Love' })).toHaveAttribute('href', '/songs/40');
    await waitFor(() => expect(within(song!).getByText(CHANNELS[1]!.name)).toBeInTheDocument());
    expect(within(artist!).getByText('Artist')).toBeInTheDocument();
    expect(within(artist!).getByText('Any channel')).toBeInTheDocument();
    expect(artist!.querySelector('time')).toHaveAttribute('datetime', '2026-12-05T07:00:00+00:00');
    expect(screen.getByRole('textbox', { name: 'Your feed’s address' })).toHaveValue(FEED);
    expect(within(screen.getByRole('navigation', { name: 'Main' })).getByRole('link', { name: 'Watches' })).toHaveAttribute(
      'aria-current',
      'page',
    );
  });

  it('removes a watch after confirming, and keeps it on cancel', async () => {
    const backend = backendWith([watch(3), watch(2, { value: 'rain' })]);
    renderApp(backend, '/watches');
    await waitFor(() => expect(rows()).toHaveLength(2));
    fireEvent.click(screen.getByRole('button', { name: 'Remove the watch: titles with “rain”' }));
    const confirm = screen.getByRole('alertdialog', { name: 'Remove the watch' });
    fireEvent.click(within(confirm).getByRole('button', { name: 'Cancel' }));
    expect(rows()).toHaveLength(2);
    fireEvent.click(screen.getByRole('button', { name: 'Remove the watch: titles with “rain”' }));
    await waitFor(() => expect(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Remove' })).toHaveFocus());
    fireEvent.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Remove' }));
    await waitFor(() => expect(rows()).toHaveLength(1));
    expect(backend.requestsTo('/user/watches/2', 'DELETE')).toHaveLength(1);
    expect(screen.getByRole('heading', { name: 'What you watch' })).toHaveFocus();
  });

  it('makes a new feed link after saying the old one stops working', async () => {
    const backend = backendWith([watch(3)]);
    renderApp(backend, '/watches');
    fireEvent.click(await screen.findByRole('button', { name: 'New link' }));
    expect(screen.getByRole('alertdialog', { name: 'Make a new feed link' })).toHaveTextContent('stops working');
    fireEvent.click(screen.getByRole('button', { name: 'Make a new link' }));
    await waitFor(() =>
      expect(screen.getByRole('textbox', { name: 'Your feed’s address' })).toHaveValue('http://127.0.0.1:8080/feeds/watches/new.atom'),
    );
    expect(screen.getByText('New link made; the old one no longer works.')).toBeInTheDocument();
    expect(backend.requestsTo('/user/watches/feed-token', 'POST')).toHaveLength(1);
  });

  it('explains that push cannot work in a browser without the Push API', async () => {
    renderApp(backendWith([]), '/watches');
    expect(await screen.findByText(/This browser cannot receive push notifications/)).toBeInTheDocument();
    expect(await screen.findByText('You watch nothing yet.')).toBeInTheDocument();
  });
});

describe('watch matches, live', () => {
  it('toasts a match with a link to the song, counts it on the nav link, and clears the count on /watches', async () => {
    const backend = backendWith([watch(3)]);
    renderApp(backend, '/charts');
    await waitFor(() => expect(backend.sources).toHaveLength(1));
    const source = backend.sources[0]!;
    act(() => source.open());
    const item = historyItem(9, { channel_id: 2, song_id: 40, song_title: 'Air - Playground Love' });
    act(() => source.sendWatch({ watch_id: 3, kind: 'text', value: 'love', item }));
    act(() => source.sendWatch({ watch_id: 3, kind: 'text', value: 'love', item: { ...item, id: 10 } }));
    const toast = await screen.findByRole('link', { name: 'Air - Playground Love is on green now' });
    expect(toast).toHaveAttribute('href', '/songs/40');
    expect(toast.closest('[aria-live="polite"]')).not.toBeNull();
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(within(nav).getByRole('link', { name: 'Watches 2 new matches' })).toBeInTheDocument();
    fireEvent.click(within(nav).getByRole('link', { name: /Watches/ }));
    await waitFor(() => expect(within(nav).getByRole('link', { name: 'Watches' })).toBeInTheDocument());
    expect(backend.sources).toHaveLength(1);
  });

  it('watches a song from its bell: pressed once created, released once removed', async () => {
    const backend = backendWith([]);
    renderApp(backend, '/charts');
    await waitFor(() => expect(backend.requestsTo('/user/watches')).toHaveLength(1));
    window.history.pushState(null, '', '/search?q=love');
    act(() => {
      window.dispatchEvent(new PopStateEvent('popstate'));
    });
    const bell = await screen.findByRole('button', { name: 'Notify me about titles with “love”' });
    expect(bell).toHaveAttribute('aria-pressed', 'false');
    fireEvent.click(bell);
    await waitFor(() => expect(bell).toHaveAttribute('aria-pressed', 'true'));
    expect(backend.requestsTo('/user/watches', 'POST')[0]!.body).toEqual({ kind: 'text', value: 'love' });
    fireEvent.click(bell);
    await waitFor(() => expect(bell).toHaveAttribute('aria-pressed', 'false'));
    expect(backend.requestsTo('/user/watches/50', 'DELETE')).toHaveLength(1);
  });
});
