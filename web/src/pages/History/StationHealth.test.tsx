import { screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import type { Channel, ChannelStatus, HistoryGap } from '../../api/types';
import { statusTimeFormatter } from '../../health/station-health';
import { CHANNELS, historyItem } from '../../test/fixtures';
import { renderApp, standardBackend } from '../../test/render-app';

// Station health on the history page (issue 14, point 6): the cards' status line and the list's gap rows.

function status(overrides: Partial<ChannelStatus> = {}): ChannelStatus {
  return { state: 'ok', since: null, last_poll_at: null, last_change_at: null, error: null, ...overrides };
}

// The times as the app shows them here (the test's own locale and zone).
const shown = statusTimeFormatter();
const AT_1452 = shown('2026-12-05T14:52:00+00:00');
const AT_1507 = shown('2026-12-05T15:07:00+00:00');

const FAILING = status({ state: 'failing', since: '2026-12-05T14:52:00+00:00', error: 'connection refused' });

function channelsWith(statuses: Record<number, ChannelStatus>): Channel[] {
  return CHANNELS.map((channel) => ({ ...channel, format: 'voscast', status: statuses[channel.id] ?? status() }));
}

function card(channelName: string) {
  return screen.findByRole('article', { name: `Channel ${channelName}` });
}

function historyRows(): string[] {
  const list = screen.getByLabelText('Songs played, newest first');
  return [...list.querySelectorAll('li')].map((row) =>
    row.classList.contains('history-gap') ? 'gap' : `item ${row.getAttribute('data-id')}`,
  );
}

const GAP: HistoryGap = {
  type: 'gap',
  channel_id: 2,
  started_at: '2026-12-05T14:52:00+00:00',
  ended_at: '2026-12-05T15:07:00+00:00',
  reason: 'connection refused',
};

describe('history page: station health on the cards', () => {
  it('says a failing station is unreachable, since when and why; paused and pending too', async () => {
    renderApp(
      standardBackend({
        channels: channelsWith({ 1: FAILING, 2: status({ state: 'paused', since: FAILING.since }), 3: status({ state: 'pending' }) }),
      }),
    );
    expect(await card('red')).toHaveTextContent(`Unreachable since ${AT_1452} — connection refused`);
    expect(await card('green')).toHaveTextContent('Paused');
    expect(await card('blue')).toHaveTextContent('Not polled yet');
  });

  it('says nothing more for a working channel, nor when the server sends no status (the original)', async () => {
    renderApp(standardBackend({ channels: CHANNELS, history: () => [historyItem(4)] }));
    const red = await card('red');
    await waitFor(() => expect(red).toHaveTextContent(historyItem(4).song_title));
    expect(red.querySelector('.channel-health')).toBeNull();
  });

  it('changes a card without a reload when the stream says the channel failed, then works again', async () => {
    const backend = standardBackend({ channels: channelsWith({}), history: () => [historyItem(4, { channel_id: 2 })] });
    renderApp(backend);
    const green = await card('green');
    await waitFor(() => expect(green).toHaveTextContent(historyItem(4).song_title));
    const source = backend.sources[0]!;
    source.open();
    source.sendChannel({ ...CHANNELS[1]!, status: FAILING });
    await waitFor(() => expect(green).toHaveTextContent(`Unreachable since ${AT_1452} — connection refused`));
    expect(green).toHaveTextContent(historyItem(4).song_title);
    source.sendRaw('not json');
    source.sendChannel({ ...CHANNELS[1]!, status: status({ state: 'ok', since: '2026-12-05T15:07:00+00:00' }) });
    await waitFor(() => expect(green).not.toHaveTextContent('Unreachable'));
  });
});

describe('history page: station health after the stream dropped', () => {
  it('reads the statuses again once the stream is live again (channel events are not replayed)', async () => {
    const setup = { channels: channelsWith({}), history: () => [historyItem(4, { channel_id: 3 })] };
    const backend = standardBackend(setup);
    renderApp(backend);
    const blue = await card('blue');
    await waitFor(() => expect(blue).toHaveTextContent(historyItem(4).song_title));
    const source = backend.sources[0]!;
    source.open();
    await screen.findByText('Live');
    source.fail(false);
    await screen.findByText('Reconnecting…');
    setup.channels = channelsWith({ 3: FAILING });
    const asked = backend.requestsTo('/channels').length;
    source.open();
    await waitFor(() => expect(blue).toHaveTextContent(`Unreachable since ${AT_1452} — connection refused`));
    expect(backend.requestsTo('/channels')).toHaveLength(asked + 1);
    expect(blue).toHaveTextContent(historyItem(4).song_title);
  });
});

describe('history page: gaps in the list', () => {
  const items = [
    historyItem(3, { created_at: '2026-12-05T15:10:00+00:00' }),
    historyItem(2, { created_at: '2026-12-05T14:50:00+00:00', channel_id: 2 }),
  ];

  it('asks with gaps=true and shows each gap where it falls, with its span and reason', async () => {
    const backend = standardBackend({
      channels: channelsWith({}),
      history: (query) => (query.limit === 1 ? [] : { body: [{ ...items[0], type: 'item' }, { ...GAP }, { ...items[1], type: 'item' }] }),
    });
    renderApp(backend);
    await waitFor(() => expect(historyRows()).toEqual(['item 3', 'gap', 'item 2']));
    const row = screen.getByLabelText('Songs played, newest first').querySelector('.history-gap')!;
    expect(row).toHaveTextContent(`No data ${AT_1452}–${AT_1507}: station unreachable (connection refused)`);
    expect(within(row as HTMLElement).getByText('green')).toBeInTheDocument();
    expect(backend.requestsTo('/history').some((request) => request.url.searchParams.get('gaps') === 'true')).toBe(true);
  });

  it("shows an original server's untyped items as before", async () => {
    renderApp(standardBackend({ channels: CHANNELS, history: (query) => (query.limit === 1 ? [] : items) }));
    await waitFor(() => expect(historyRows()).toEqual(['item 3', 'item 2']));
  });

  it('keeps the gaps of other channels out of a filtered list', async () => {
    renderApp(
      standardBackend({
        channels: channelsWith({}),
        history: (query) => (query.limit === 1 ? [] : { body: [{ ...items[0], type: 'item' }, { ...GAP }] }),
      }),
      '/?channel=1',
    );
    await waitFor(() => expect(historyRows()).toEqual(['item 3']));
  });

  it('opens an ongoing gap live when a channel fails, and closes it when it works again', async () => {
    const backend = standardBackend({ channels: channelsWith({}), history: (query) => (query.limit === 1 ? [] : [items[1]!]) });
    renderApp(backend);
    await waitFor(() => expect(historyRows()).toEqual(['item 2']));
    backend.sources[0]!.sendChannel({ ...CHANNELS[1]!, status: FAILING });
    await waitFor(() => expect(historyRows()).toEqual(['gap', 'item 2']));
    const row = () => screen.getByLabelText('Songs played, newest first').querySelector('.history-gap')!;
    expect(row()).toHaveTextContent(`No data since ${AT_1452}: station unreachable (connection refused)`);
    backend.sources[0]!.sendChannel({ ...CHANNELS[1]!, status: status({ state: 'ok', since: '2026-12-05T15:07:00+00:00' }) });
    await waitFor(() => expect(row()).toHaveTextContent(`No data ${AT_1452}–${AT_1507}: station unreachable`));
  });
});
