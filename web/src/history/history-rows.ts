import type { ChannelStatus, HistoryGap, HistoryItem } from '../api/types';
import { gapKey } from '../health/station-health';
import { parseApiTimestamp } from './timestamps';

/** A row of the history list: a song played, or a time a station could not be read. */
export type HistoryRow = { kind: 'item'; item: HistoryItem } | { kind: 'gap'; gap: HistoryGap };

/** Gaps by gapKey, so one outage met on two pages or live is held once (the fresher copy). */
export type HeldGaps = ReadonlyMap<string, HistoryGap>;

function time(text: string): number {
  return parseApiTimestamp(text)?.getTime() ?? 0;
}

/**
 * Items (newest first) with the gaps between them, as the server interleaves a
 * page: a gap sits above the items played before it started. Gaps older than
 * every item come last.
 */
export function interleaveGaps(items: readonly HistoryItem[], gaps: readonly HistoryGap[]): HistoryRow[] {
  const pending = [...gaps].sort((a, b) => time(b.started_at) - time(a.started_at));
  const rows: HistoryRow[] = [];
  let next = 0;
  for (const item of items) {
    const played = time(item.created_at);
    for (; next < pending.length && time(pending[next]!.started_at) >= played; next += 1) rows.push({ kind: 'gap', gap: pending[next]! });
    rows.push({ kind: 'item', item });
  }
  for (; next < pending.length; next += 1) rows.push({ kind: 'gap', gap: pending[next]! });
  return rows;
}

export function addGaps(held: HeldGaps, gaps: readonly HistoryGap[]): HeldGaps {
  if (gaps.length === 0) return held;
  const next = new Map(held);
  for (const gap of gaps) next.set(gapKey(gap), gap);
  return next;
}

/**
 * A channel's new status, live: failing opens its ongoing gap (from `since`, when the
 * outage began), a working or paused channel closes the open one (at `since`, when that
 * state began); anything else leaves the gaps as they are.
 */
export function applyStatusToGaps(held: HeldGaps, channelId: number, status: ChannelStatus): HeldGaps {
  if (status.state === 'failing' && status.since !== null) {
    const opened: HistoryGap = { type: 'gap', channel_id: channelId, started_at: status.since, ended_at: null, reason: status.error ?? '' };
    const known = held.get(gapKey(opened));
    return known ? held : addGaps(held, [opened]);
  }
  if (status.state !== 'ok' && status.state !== 'paused') return held;
  const open = [...held.values()].filter((gap) => gap.channel_id === channelId && gap.ended_at === null);
  if (open.length === 0) return held;
  const endedAt = status.since ?? new Date().toISOString();
  return addGaps(
    held,
    open.map((gap) => ({ ...gap, ended_at: endedAt })),
  );
}

/** The gaps of the channel shown (null = every channel), for the list. */
export function gapsOfChannel(held: HeldGaps, channelId: number | null): HistoryGap[] {
  return [...held.values()].filter((gap) => channelId === null || gap.channel_id === channelId);
}
