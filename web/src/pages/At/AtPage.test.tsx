import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { historyItem } from '../../test/fixtures';
import { renderApp, standardBackend, type HistoryQuery } from '../../test/render-app';

const MOMENT = '2026-12-04T16:05:00.000Z';

/** Each channel played item 10·c at 16:03 and 10·c−1 before it; 10·c+1 and +2 after 16:05. */
function history(query: HistoryQuery) {
  const channel = query.channelId ?? 0;
  const base = channel * 10;
  const at = (id: number, time: string) =>
    historyItem(id, { channel_id: channel, created_at: `2026-12-04T${time}:00+00:00`, song_id: id, song_title: `Song ${id}` });
  if (query.to === MOMENT) return [at(base, '16:03'), at(base - 1, '15:59')].slice(0, query.limit);
  if (query.from === MOMENT) return [at(base + 2, '16:12'), at(base + 1, '16:08')];
  return [];
}

// The listener is in Berlin, wherever the tests run.
vi.mock('../../time/zones', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../time/zones')>()),
  listenerTimeZone: () => 'Europe/Berlin',
}));

describe('what was playing at', () => {
  it('shows the moment in the listener’s zone and what each channel played around it, the one playing marked', async () => {
    const backend = standardBackend({ history });
    renderApp(backend, '/at/2026-12-04T17:05:00+01:00');
    expect(screen.getByLabelText('Date')).toHaveValue('2026-12-04');
    expect(screen.getByLabelText('Time')).toHaveValue('17:05');
    expect(screen.getByText('Times in Europe/Berlin (UTC+01:00).')).toBeInTheDocument();

    // Six requests answer first (two per channel): more than findBy's default second on a busy machine.
    const red = await screen.findByRole('list', { name: 'Songs around 17:05 on red, newest first' }, { timeout: 5_000 });
    const rows = within(red).getAllByRole('listitem');
    expect(rows.map((row) => row.getAttribute('data-id'))).toEqual(['12', '11', '10', '9']);
    expect(rows[2]).toHaveAttribute('aria-current', 'time');
    expect(within(rows[2]!).getByText('Playing at 17:05')).toBeInTheDocument();
    expect(within(rows[2]!).getByRole('link', { name: 'Song 10' })).toHaveAttribute('href', '/songs/10');
    expect(screen.getByRole('list', { name: 'Songs around 17:05 on blue, newest first' })).toBeInTheDocument();

    const asked = backend.requestsTo('/history').map((request) => request.url.searchParams);
    expect(asked.some((params) => params.get('channel_id') === '2' && params.get('to') === MOMENT && params.get('limit') === '4')).toBe(
      true,
    );
  });

  it('goes to the moment and channel picked, the address holding the time with its offset', async () => {
    renderApp(standardBackend({ history }), '/at/2026-12-04T17:05:00+01:00');
    fireEvent.input(screen.getByLabelText('Time'), { target: { value: '18:30' } });
    fireEvent.change(await screen.findByRole('option', { name: 'green' }).then((option) => option.parentElement!), {
      target: { value: '2' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Show' }));
    await waitFor(() => expect(window.location.pathname + window.location.search).toBe('/at/2026-12-04T18:30:00%2B01:00?channel_id=2'));
    expect(await screen.findByRole('heading', { level: 2, name: 'green' })).toBeInTheDocument();
    expect(screen.queryByRole('heading', { level: 2, name: 'red' })).toBeNull();
  });

  it('says when a channel played nothing around then', async () => {
    renderApp(standardBackend({ history: () => [] }), '/at/2026-12-04T17:05:00Z?channel_id=1');
    expect(await screen.findByText('Nothing recorded around then.')).toBeInTheDocument();
  });

  it('refuses a time it cannot read, keeping the pickers', () => {
    renderApp(standardBackend({ history }), '/at/yesterday');
    expect(screen.getByRole('alert')).toHaveTextContent('“yesterday” is not a time this page understands');
    expect(screen.getByLabelText('Date')).toBeInTheDocument();
  });
});
