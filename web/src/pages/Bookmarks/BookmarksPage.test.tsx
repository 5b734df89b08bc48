import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import type { Bookmark } from '../../api/types';
import { NETWORK_DOWN } from '../../test/fake-backend';
import { bookmark, USER } from '../../test/fixtures';
import { renderApp, standardBackend } from '../../test/render-app';

function listedIds(): number[] {
  return [...screen.getByLabelText('Your bookmarks, newest first').querySelectorAll('li[data-id]')].map((row) =>
    Number(row.getAttribute('data-id')),
  );
}

function bookmarksPage(saved: Bookmark[]) {
  return ({ before }: { before: number | null }) => saved.filter((b) => before === null || b.id < before).slice(0, 50);
}

describe('bookmarks page', () => {
  it('asks a signed-out visitor to sign in, and loads nothing', async () => {
    const backend = standardBackend({ user: null });
    renderApp(backend, '/bookmarks');
    expect(within(screen.getByRole('main')).getByText('Checking who is signed in…').parentElement).toHaveAttribute('role', 'status');
    expect(await screen.findByText('Sign in to keep the songs you like and find them here later.')).toBeInTheDocument();
    const links = screen.getAllByRole('link', { name: /Sign in with Google/ });
    expect(links.map((link) => link.getAttribute('href'))).toEqual(['/user/google', '/user/google']);
    expect(backend.requestsTo('/user/bookmarks')).toHaveLength(0);
  });

  it('says when there are no bookmarks yet, pointing to the history', async () => {
    renderApp(standardBackend({ user: USER, bookmarks: () => [] }), '/bookmarks');
    expect(await screen.findByText('No bookmarks yet.')).toBeInTheDocument();
    expect(within(screen.getByRole('main')).getByRole('link', { name: 'History' })).toHaveAttribute('href', '/');
  });

  it('lists bookmarks newest first with search links', async () => {
    renderApp(standardBackend({ user: USER, bookmarks: () => [bookmark(2, { song_title: 'Air - La femme' }), bookmark(1)] }), '/bookmarks');
    await waitFor(() => expect(listedIds()).toEqual([2, 1]));
    const row = screen.getByText('Air - La femme').closest('li')!;
    expect(
      within(row)
        .getByRole('link', { name: /Search YouTube for Air - La femme/ })
        .getAttribute('href'),
    ).toBe('https://www.youtube.com/results?search_query=Air+-+La+femme');
    expect(within(row).getByRole('link', { name: /Search SoundCloud for Air - La femme/ })).toHaveAttribute(
      'href',
      'https://soundcloud.com/search?q=Air+-+La+femme',
    );
    expect(screen.getByText('That is all your bookmarks.')).toBeInTheDocument();
  });

  it('removes a bookmark with the CSRF token', async () => {
    document.cookie = 'nicecream_history_csrf=tok-9; path=/';
    const backend = standardBackend({
      user: USER,
      bookmarks: () => [bookmark(2, { song_title: 'Keep' }), bookmark(1, { song_title: 'Drop' })],
    });
    renderApp(backend, '/bookmarks');
    await waitFor(() => expect(listedIds()).toEqual([2, 1]));
    fireEvent.click(screen.getByRole('button', { name: 'Remove bookmark: Drop' }));
    await waitFor(() => expect(listedIds()).toEqual([2]));
    const [del] = backend.requestsTo('/user/bookmarks/1', 'DELETE');
    expect(del?.headers['X-Csrf-Token']).toBe('tok-9');
  });

  it('keeps a bookmark and toasts when removing it fails', async () => {
    const backend = standardBackend({
      user: USER,
      bookmarks: () => [bookmark(1, { song_title: 'Stays' })],
      mutate: () => NETWORK_DOWN,
    });
    renderApp(backend, '/bookmarks');
    await waitFor(() => expect(listedIds()).toEqual([1]));
    fireEvent.click(screen.getByRole('button', { name: 'Remove bookmark: Stays' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('The server could not be reached. Check your connection.');
    expect(listedIds()).toEqual([1]);
  });

  it('loads more on the smallest id shown', async () => {
    const saved = Array.from({ length: 70 }, (_, index) => bookmark(70 - index));
    const backend = standardBackend({ user: USER, bookmarks: bookmarksPage(saved) });
    renderApp(backend, '/bookmarks');
    await waitFor(() => expect(listedIds()).toHaveLength(50));
    fireEvent.click(screen.getByLabelText('More bookmarks'));
    await waitFor(() => expect(listedIds()).toHaveLength(70));
    expect(listedIds()).toEqual(saved.map((b) => b.id));
    const cursors = backend.requestsTo('/user/bookmarks').map((r) => r.url.searchParams.get('before'));
    expect(cursors).toEqual([null, '21']);
    expect(screen.queryByLabelText('More bookmarks')).toBeNull();
  });

  it('shows an error with a retry when the bookmarks cannot be loaded', async () => {
    let down = true;
    renderApp(
      standardBackend({ user: USER, bookmarks: () => (down ? { status: 500, body: { detail: 'boom' } } : [bookmark(1)]) }),
      '/bookmarks',
    );
    expect(await screen.findByText('Your bookmarks could not be loaded.')).toBeInTheDocument();
    expect(await screen.findByText('boom')).toBeInTheDocument();
    down = false;
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(listedIds()).toEqual([1]));
  });
});
