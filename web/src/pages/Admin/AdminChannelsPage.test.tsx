import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import type { Channel, ChannelStatus } from '../../api/types';
import type { FakeResponse, RecordedRequest } from '../../test/fake-backend';
import { CHANNELS, USER } from '../../test/fixtures';
import { renderApp, standardBackend } from '../../test/render-app';

const ADMIN = { ...USER, is_admin: true };

function status(overrides: Partial<ChannelStatus> = {}): ChannelStatus {
  return { state: 'ok', since: '2026-12-05T14:00:00+00:00', last_poll_at: null, last_change_at: null, error: null, ...overrides };
}

const LISTED: Channel[] = [
  { ...CHANNELS[0]!, format: 'voscast', paused: false, status: status() },
  {
    ...CHANNELS[1]!,
    format: 'shoutcast2',
    paused: false,
    status: status({ state: 'failing', since: '2026-12-05T14:52:00+00:00', error: 'connection refused' }),
  },
];

function adminBackend(answer: (request: RecordedRequest) => FakeResponse = () => ({ status: 404 }), channels: Channel[] = LISTED) {
  return standardBackend({ user: ADMIN, channels, mutate: answer });
}

function row(name: string): HTMLElement {
  return screen.getByRole('listitem', { name });
}

function fill(label: string, value: string, within_: HTMLElement = document.body) {
  fireEvent.input(within(within_).getByLabelText(label), { target: { value } });
}

describe('admin channels page: who may use it', () => {
  it('asks a signed-out visitor to sign in, with no nav link', async () => {
    renderApp(standardBackend({ user: null }), '/admin/channels');
    expect(await screen.findByText('Channels are managed by administrators. Sign in to continue.')).toBeInTheDocument();
    expect(within(screen.getByRole('main')).getByRole('link', { name: /Sign in with Google/ })).toHaveAttribute('href', '/user/google');
    expect(screen.queryByRole('link', { name: 'Channels' })).toBeNull();
  });

  it('tells a signed-in user who is not an admin, and loads nothing', async () => {
    const backend = standardBackend({ user: USER });
    renderApp(backend, '/admin/channels');
    expect(await screen.findByRole('alert')).toHaveTextContent('Only administrators can manage channels');
    expect(screen.queryByRole('link', { name: 'Channels' })).toBeNull();
    expect(screen.queryByRole('form')).toBeNull();
  });

  it('shows admins the nav link', async () => {
    renderApp(adminBackend(), '/');
    expect(await screen.findByRole('link', { name: 'Channels' })).toHaveAttribute('href', '/admin/channels');
  });
});

describe('admin channels page: list', () => {
  it('lists the channels with their state, the failing one with since when and why', async () => {
    renderApp(adminBackend(), '/admin/channels');
    await screen.findByRole('list', { name: 'Channels' });
    expect(row('red')).toHaveTextContent('Working');
    expect(row('red')).toHaveTextContent('Voscast');
    expect(row('green')).toHaveTextContent('Unreachable');
    expect(row('green')).toHaveTextContent(/Unreachable since .+ — connection refused/);
  });

  it('says when there are none, and shows an error with a retry when they cannot be loaded', async () => {
    renderApp(adminBackend(undefined, []), '/admin/channels');
    expect(await screen.findByText('No channels yet. Add the first one above.')).toBeInTheDocument();
  });

  it('offers to try again when the list cannot be loaded', async () => {
    renderApp(standardBackend({ user: ADMIN, channels: 'down' }), '/admin/channels');
    expect(await screen.findByText('The channels could not be loaded.')).toBeInTheDocument();
    expect(screen.getAllByRole('button', { name: 'Try again' }).length).toBeGreaterThan(0);
  });
});

describe('admin channels page: adding', () => {
  it('tests the station, shows what it plays, then adds the channel with the CSRF header', async () => {
    document.cookie = 'nicecream_history_csrf=tok; path=/';
    const backend = adminBackend((request) => {
      if (request.url.pathname === '/channels/probe') return { body: { format: 'voscast', title: 'Moby - Porcelain' } };
      if (request.url.pathname === '/channels' && request.method === 'POST')
        return {
          status: 201,
          body: { id: 9, ...(request.body as object), paused: false, status: status({ state: 'pending', since: null }) },
        };
      return { status: 404 };
    });
    renderApp(backend, '/admin/channels');
    await screen.findByRole('list', { name: 'Channels' });
    fill('Name', 'jazz');
    fill('Now-playing address', 'http://127.0.0.1:1/jazz');
    fireEvent.click(screen.getByRole('button', { name: 'Test' }));
    expect(await screen.findByText(/Read it: format Voscast, playing “Moby - Porcelain”/)).toBeInTheDocument();
    expect(backend.requestsTo('/channels/probe')[0]!.body).toEqual({ url: 'http://127.0.0.1:1/jazz' });
    fireEvent.click(screen.getByRole('button', { name: 'Add channel' }));
    await waitFor(() => expect(row('jazz')).toHaveTextContent('Not polled yet'));
    const post = backend.requestsTo('/channels', 'POST')[0]!;
    expect(post.body).toEqual({ name: 'jazz', url: 'http://127.0.0.1:1/jazz', format: 'auto' });
    expect(post.headers['X-Csrf-Token']).toBe('tok');
    expect(screen.getByLabelText('Name')).toHaveValue('');
    expect(await screen.findByText('jazz added.')).toBeInTheDocument();
  });

  it('shows the reason a station could not be read', async () => {
    renderApp(
      adminBackend(() => ({ status: 422, body: { detail: 'connection refused' } })),
      '/admin/channels',
    );
    await screen.findByRole('list', { name: 'Channels' });
    fill('Now-playing address', 'http://127.0.0.1:1/none');
    fireEvent.click(screen.getByRole('button', { name: 'Test' }));
    expect(await screen.findByText('Could not read it: connection refused')).toBeInTheDocument();
  });

  it('asks for a title pointer with json, and sends it to the probe and the save', async () => {
    const backend = adminBackend((request) =>
      request.url.pathname === '/channels/probe'
        ? { body: { format: 'json', title: 'T' } }
        : { status: 201, body: { id: 9, ...(request.body as object) } },
    );
    renderApp(backend, '/admin/channels');
    await screen.findByRole('list', { name: 'Channels' });
    expect(screen.queryByLabelText('Title pointer')).toBeNull();
    fireEvent.change(screen.getByLabelText('Format'), { target: { value: 'json' } });
    fill('Name', 'api');
    fill('Now-playing address', 'http://127.0.0.1:1/np.json');
    fireEvent.click(screen.getByRole('button', { name: 'Add channel' }));
    expect(await screen.findByText('JSON sources need a title pointer.')).toBeInTheDocument();
    expect(screen.getByLabelText('Title pointer')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText('Title pointer')).toHaveFocus();
    expect(backend.requestsTo('/channels', 'POST')).toHaveLength(0);
    fill('Title pointer', '/now/title');
    fireEvent.click(screen.getByRole('button', { name: 'Test' }));
    await screen.findByText(/Read it/);
    expect(backend.requestsTo('/channels/probe')[0]!.body).toEqual({
      url: 'http://127.0.0.1:1/np.json',
      format: 'json',
      title_pointer: '/now/title',
    });
    fireEvent.click(screen.getByRole('button', { name: 'Add channel' }));
    await waitFor(() => expect(backend.requestsTo('/channels', 'POST')).toHaveLength(1));
    expect(backend.requestsTo('/channels', 'POST')[0]!.body).toMatchObject({ format: 'json', title_pointer: '/now/title' });
  });

  it("shows the server's refusals by their fields: a bad address (422), a name taken (409), not an admin (403)", async () => {
    const answers: FakeResponse[] = [
      { status: 422, body: { detail: { body: { url: ['Not an http(s) address.'] } } } },
      { status: 409, body: { detail: "A channel named 'red' exists already." } },
      { status: 403, body: { detail: 'Only admins may manage channels.' } },
    ];
    renderApp(
      adminBackend(() => answers.shift()!),
      '/admin/channels',
    );
    await screen.findByRole('list', { name: 'Channels' });
    fill('Name', 'red');
    fill('Now-playing address', 'ftp://x');
    fireEvent.click(screen.getByRole('button', { name: 'Add channel' }));
    expect(await screen.findByText('Not an http(s) address.')).toBeInTheDocument();
    expect(screen.getByLabelText('Now-playing address')).toHaveAttribute('aria-invalid', 'true');
    fill('Now-playing address', 'http://x');
    fireEvent.click(screen.getByRole('button', { name: 'Add channel' }));
    expect(await screen.findByText("A channel named 'red' exists already.")).toBeInTheDocument();
    expect(screen.getByLabelText('Name')).toHaveFocus();
    fill('Name', 'other');
    fireEvent.click(screen.getByRole('button', { name: 'Add channel' }));
    expect(await screen.findByText('Only admins may manage channels.')).toBeInTheDocument();
  });
});

describe('admin channels page: editing, pausing, deleting', () => {
  it('edits a channel, sending only what changed', async () => {
    const backend = adminBackend((request) => ({ body: { ...LISTED[0], ...(request.body as object) } }));
    renderApp(backend, '/admin/channels');
    await screen.findByRole('list', { name: 'Channels' });
    fireEvent.click(screen.getByRole('button', { name: 'Edit red' }));
    fill('Now-playing address', 'http://127.0.0.1:1/red2', row('red'));
    fireEvent.click(within(row('red')).getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(row('red')).toHaveTextContent('http://127.0.0.1:1/red2'));
    const patch = backend.requestsTo('/channels/1', 'PATCH')[0]!;
    expect(patch.body).toEqual({ url: 'http://127.0.0.1:1/red2' });
    expect(within(row('red')).queryByRole('button', { name: 'Save changes' })).toBeNull();
  });

  it('pauses and resumes a channel', async () => {
    const backend = adminBackend((request) => {
      const paused = (request.body as { paused: boolean }).paused;
      return { body: { ...LISTED[0], paused, status: status({ state: paused ? 'paused' : 'pending', since: null }) } };
    });
    renderApp(backend, '/admin/channels');
    await screen.findByRole('list', { name: 'Channels' });
    fireEvent.click(screen.getByRole('button', { name: 'Pause red' }));
    await waitFor(() => expect(row('red')).toHaveTextContent('Paused'));
    expect(backend.requestsTo('/channels/1', 'PATCH')[0]!.body).toEqual({ paused: true });
    fireEvent.click(screen.getByRole('button', { name: 'Resume red' }));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Pause red' })).toBeInTheDocument());
    expect(backend.requestsTo('/channels/1', 'PATCH')[1]!.body).toEqual({ paused: false });
  });

  it('deletes after a confirmation, and offers to purge when the channel has history', async () => {
    const backend = adminBackend((request) =>
      request.url.searchParams.get('purge') === 'true'
        ? { status: 204 }
        : { status: 409, body: { detail: 'The channel has recorded history; delete with ?purge=true to remove it too.' } },
    );
    renderApp(backend, '/admin/channels');
    await screen.findByRole('list', { name: 'Channels' });
    fireEvent.click(screen.getByRole('button', { name: 'Delete green' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Delete green' });
    expect(within(dialog).getByRole('button', { name: 'Delete' })).toHaveFocus();
    fireEvent.keyDown(dialog, { key: 'Escape' });
    expect(screen.queryByRole('alertdialog')).toBeNull();
    await waitFor(() => expect(screen.getByRole('button', { name: 'Delete green' })).toHaveFocus());
    expect(backend.requestsTo('/channels/2', 'DELETE')).toHaveLength(0);

    fireEvent.click(screen.getByRole('button', { name: 'Delete green' }));
    fireEvent.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Delete' }));
    const purge = await screen.findByRole('button', { name: 'Delete with its history' });
    expect(screen.getByRole('alertdialog')).toHaveTextContent('green has recorded history');
    fireEvent.click(purge);
    await waitFor(() => expect(screen.queryByRole('listitem', { name: 'green' })).toBeNull());
    expect(backend.requestsTo('/channels/2', 'DELETE').map((request) => request.url.search)).toEqual(['', '?purge=true']);
  });
});
