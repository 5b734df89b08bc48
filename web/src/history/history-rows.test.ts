import { describe, expect, it } from 'vitest';
import type { ChannelStatus, HistoryGap } from '../api/types';
import { historyItem } from '../test/fixtures';
import { addGaps, applyStatusToGaps, gapsOfChannel, interleaveGaps, type HistoryRow } from './history-rows';

function gap(channelId: number, startedAt: string, endedAt: string | null = null): HistoryGap {
  return { type: 'gap', channel_id: channelId, started_at: startedAt, ended_at: endedAt, reason: 'timeout' };
}

function label(row: HistoryRow): string {
  return row.kind === 'item' ? `item ${row.item.id}` : `gap ${row.gap.started_at}`;
}

const at = (time: string) => `2026-12-05T${time}+00:00`;

describe('interleaveGaps', () => {
  const items = [
    historyItem(3, { created_at: at('17:10:00') }),
    historyItem(2, { created_at: at('16:50:00.5') }),
    historyItem(1, { created_at: at('16:00:00') }),
  ];

  it('puts a gap above the items played before it started, as the server does', () => {
    const rows = interleaveGaps(items, [gap(1, at('16:52:00'), at('17:07:00')), gap(2, at('16:50:00.5'))]);
    expect(rows.map(label)).toEqual(['item 3', `gap ${at('16:52:00')}`, `gap ${at('16:50:00.5')}`, 'item 2', 'item 1']);
  });

  it('puts gaps older than every item last, newest first, and reads both timestamp shapes', () => {
    const rows = interleaveGaps(items, [gap(1, '2026-12-05T15:00:00'), gap(1, '2026-12-05T15:30:00Z')]);
    expect(rows.map(label).slice(3)).toEqual(['gap 2026-12-05T15:30:00Z', 'gap 2026-12-05T15:00:00']);
  });

  it('gives the items alone when there are no gaps (an original server)', () => {
    expect(interleaveGaps(items, []).map(label)).toEqual(['item 3', 'item 2', 'item 1']);
  });
});

describe('held gaps', () => {
  function status(overrides: Partial<ChannelStatus>): ChannelStatus {
    return { state: 'ok', since: null, last_poll_at: null, last_change_at: null, error: null, ...overrides };
  }

  it('holds one outage once, the fresher copy', () => {
    const held = addGaps(addGaps(new Map(), [gap(1, at('16:52:00'))]), [gap(1, at('16:52:00'), at('17:07:00'))]);
    expect([...held.values()]).toEqual([gap(1, at('16:52:00'), at('17:07:00'))]);
  });

  it('opens a gap live when a channel fails and closes it when it works again', () => {
    const failing = status({ state: 'failing', since: at('16:52:00'), error: 'connection refused' });
    const opened = applyStatusToGaps(new Map(), 1, failing);
    expect([...opened.values()]).toEqual([{ ...gap(1, at('16:52:00')), reason: 'connection refused' }]);
    expect(applyStatusToGaps(opened, 1, failing)).toBe(opened);
    const closed = applyStatusToGaps(opened, 1, status({ state: 'ok', since: at('17:07:00') }));
    expect([...closed.values()]).toEqual([{ ...gap(1, at('16:52:00'), at('17:07:00')), reason: 'connection refused' }]);
  });

  it("leaves other channels' gaps and pending channels alone", () => {
    const held = addGaps(new Map(), [gap(2, at('16:52:00'))]);
    expect(applyStatusToGaps(held, 1, status({ state: 'ok', since: at('17:00:00') }))).toBe(held);
    expect(applyStatusToGaps(held, 2, status({ state: 'pending' }))).toBe(held);
  });

  it('shows the gaps of the channel shown', () => {
    const held = addGaps(new Map(), [gap(1, at('16:00:00')), gap(2, at('16:10:00'))]);
    expect(gapsOfChannel(held, 2).map((shown) => shown.channel_id)).toEqual([2]);
    expect(gapsOfChannel(held, null)).toHaveLength(2);
  });
});
