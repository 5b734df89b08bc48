import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { standardBackend, renderApp } from './test/render-app';
import { USER } from './test/fixtures';

describe('header', () => {
  it('shows the brand and both links', async () => {
    renderApp(standardBackend());
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(within(nav).getByRole('link', { name: /Nicecream History/ })).toHaveAttribute('href', '/');
    expect(within(nav).getByRole('link', { name: 'History' })).toHaveAttribute('aria-current', 'page');
    expect(within(nav).getByRole('link', { name: 'Bookmarks' })).toHaveAttribute('href', '/bookmarks');
    await screen.findByRole('link', { name: /Sign in with Google/ });
  });

  it('says it is checking who is signed in, then offers Google sign-in when signed out', async () => {
    renderApp(standardBackend({ user: null }));
    expect(screen.getByText('Checking who is signed in…').parentElement).toHaveAttribute('role', 'status');
    const signIn = await screen.findByRole('link', { name: /Sign in with Google/ });
    expect(signIn).toHaveAttribute('href', '/user/google');
    expect(screen.queryByRole('link', { name: /Sign out/ })).toBeNull();
  });

  it('shows the user with avatar, name and sign-out when signed in', async () => {
    renderApp(standardBackend({ user: USER }));
    const signOut = await screen.findByRole('link', { name: /Sign out/ });
    expect(signOut).toHaveAttribute('href', '/user/sign_out');
    expect(screen.getByRole('banner')).toHaveTextContent('Ada Lovelace');
    const avatar = document.querySelector('img.avatar');
    expect(avatar?.getAttribute('src')).toBe(USER.picture);
    expect(screen.queryByRole('link', { name: /Sign in with Google/ })).toBeNull();
  });

  it('falls back to an initial when the avatar does not load', async () => {
    renderApp(standardBackend({ user: USER }));
    await screen.findByText('Ada Lovelace');
    fireEvent.error(document.querySelector('img.avatar')!);
    expect(document.querySelector('img.avatar')).toBeNull();
    expect(document.querySelector('.avatar-initial')?.textContent).toBe('A');
  });

  it('shows the initial instead of a picture the page may not load (plain http elsewhere)', async () => {
    renderApp(standardBackend({ user: { ...USER, picture: 'http://127.0.0.1:1/avatar.png' } }));
    await screen.findByText('Ada Lovelace');
    expect(document.querySelector('img.avatar')).toBeNull();
    expect(document.querySelector('.avatar-initial')?.textContent).toBe('A');
  });

  it.each(['unavailable', 'down'] as const)('treats a /user that is %s as signed out, without crashing', async (user) => {
    renderApp(standardBackend({ user }));
    await screen.findByRole('link', { name: /Sign in with Google/ });
    expect(screen.getByRole('heading', { name: 'History' })).toBeInTheDocument();
  });

  it('opens and closes the navigation menu on narrow screens', () => {
    renderApp(standardBackend());
    const toggler = screen.getByRole('button', { name: 'Show navigation' });
    expect(toggler).toHaveAttribute('aria-expanded', 'false');
    fireEvent.click(toggler);
    expect(screen.getByRole('button', { name: 'Hide navigation' })).toHaveAttribute('aria-expanded', 'true');
    expect(document.getElementById('main-nav')).toHaveClass('show');
  });
});

describe('sign-in errors', () => {
  it('shows ?signin_error once, removes it from the URL and keeps the rest', async () => {
    renderApp(standardBackend(), '/?channel=2&signin_error=provider_denied');
    await screen.findByText('Sign-in was cancelled.');
    expect(screen.getByRole('alert')).toHaveTextContent('Sign-in was cancelled.');
    await waitFor(() => expect(window.location.search).toBe('?channel=2'));
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss sign-in error' }));
    expect(screen.queryByText('Sign-in was cancelled.')).toBeNull();
  });

  it('shows unknown codes with a generic message', async () => {
    renderApp(standardBackend(), '/bookmarks?signin_error=weird_thing');
    await screen.findByText('Sign-in failed (weird_thing). Please try again.');
    await waitFor(() => expect(`${window.location.pathname}${window.location.search}`).toBe('/bookmarks'));
  });
});

describe('routes', () => {
  it('moves between History and Bookmarks without reloading, and back', async () => {
    renderApp(standardBackend());
    await waitFor(() => expect(document.title).toBe('Nicecream History'));
    fireEvent.click(screen.getByRole('link', { name: 'Bookmarks' }));
    expect(window.location.pathname).toBe('/bookmarks');
    expect(await screen.findByRole('heading', { name: 'Bookmarks' })).toBeInTheDocument();
    await waitFor(() => expect(document.title).toBe('Bookmarks · Nicecream History'));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('main')));
    window.history.back();
    await screen.findByRole('heading', { name: 'History' });
    await waitFor(() => expect(document.title).toBe('Nicecream History'));
  });

  it('leaves focus alone when only the query changes', async () => {
    renderApp(standardBackend());
    const red = await screen.findByRole('button', { name: 'red' });
    red.focus();
    fireEvent.click(red);
    await waitFor(() => expect(document.title).toBe('History of red · Nicecream History'));
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'red' }));
  });

  it('follows links to its pages itself, and leaves sign-in to the browser', async () => {
    renderApp(standardBackend({ user: null }));
    const signIn = await within(screen.getByRole('banner')).findByRole('link', { name: /Sign in with Google/ });
    // Runs after the router's own click listener: records whether the browser would load the link, then stops it (jsdom cannot).
    const leftToBrowser: boolean[] = [];
    const record = (event: MouseEvent) => {
      leftToBrowser.push(!event.defaultPrevented);
      event.preventDefault();
    };
    window.addEventListener('click', record);
    try {
      fireEvent.click(signIn);
      fireEvent.click(screen.getByRole('link', { name: 'Bookmarks' }));
    } finally {
      window.removeEventListener('click', record);
    }
    expect(leftToBrowser).toEqual([true, false]);
    expect(window.location.pathname).toBe('/bookmarks');
  });

  it('says so for an unknown path', () => {
    renderApp(standardBackend(), '/nowhere');
    expect(screen.getByRole('heading', { name: 'Page not found' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Back to the history' })).toHaveAttribute('href', '/');
  });
});
