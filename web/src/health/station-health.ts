import type { Channel, ChannelState, ChannelStatus, HistoryGap } from '../api/types';
import { isPositiveInteger } from '../history/parse-history-item';
import { parseApiTimestamp } from '../history/timestamps';

// What the app says about a station's health: the now-playing card's line and
// the history's gap rows, worded from the API's status and outages (issue 14).

/**
 * A formatter of API timestamps for a status line: the time alone ("16:52") on
 * `now`'s day, date and time on any other day, in the viewer's zone unless told.
 * Text that is not a timestamp is shown as it came.
 */
export function statusTimeFormatter(locale?: string, timeZone?: string, now: Date = new Date()): (text: string) => string {
  const day = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone });
  const time = new Intl.DateTimeFormat(locale, { timeStyle: 'short', timeZone });
  const dayAndTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone });
  const today = day.format(now);
  return (text) => {
    const date = parseApiTimestamp(text);
    if (date === null) return text;
    return day.format(date) === today ? time.format(date) : dayAndTime.format(date);
  };
}

/** The card's line for a channel that is not simply working; null when it is (or the server says nothing). */
export function describeChannelStatus(status: ChannelStatus | undefined, formatTime: (text: string) => string): string | null {
  switch (status?.state) {
    case 'failing': {
      const since = status.since === null ? '' : ` since ${formatTime(status.since)}`;
      return `Unreachable${since}${status.error ? ` — ${status.error}` : ''}`;
    }
    case 'paused':
      return 'Paused';
    case 'pending':
      return 'Not polled yet';
    default:
      return null;
  }
}

/** "No data 16:52–17:07: station unreachable (connection refused)", or "No data since 16:52: …" while it lasts. */
export function describeGap(gap: HistoryGap, formatTime: (text: string) => string): string {
  const span = gap.ended_at === null ? `since ${formatTime(gap.started_at)}` : `${formatTime(gap.started_at)}–${formatTime(gap.ended_at)}`;
  return `No data ${span}: station unreachable${gap.reason ? ` (${gap.reason})` : ''}`;
}

const STATES: readonly ChannelState[] = ['ok', 'failing', 'paused', 'pending'];

function isNullableString(value: unknown): value is string | null {
  return value === null || typeof value === 'string';
}

function parseStatus(value: unknown): ChannelStatus | null {
  if (typeof value !== 'object' || value === null) return null;
  const status = value as Record<string, unknown>;
  if (!STATES.includes(status.state as ChannelState)) return null;
  const fields = [status.since, status.last_poll_at, status.last_change_at, status.error];
  if (!fields.every((field) => field === undefined || isNullableString(field))) return null;
  return {
    state: status.state as ChannelState,
    since: (status.since as string | null | undefined) ?? null,
    last_poll_at: (status.last_poll_at as string | null | undefined) ?? null,
    last_change_at: (status.last_change_at as string | null | undefined) ?? null,
    error: (status.error as string | null | undefined) ?? null,
  };
}

function parseJsonObject(data: string): Record<string, unknown> | null {
  let value: unknown;
  try {
    value = JSON.parse(data);
  } catch {
    return null;
  }
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : null;
}

/** A channel from a live `channel` event's JSON data, with its status; null for anything malformed (ignored). */
export function parseChannelEvent(data: string): (Channel & { status: ChannelStatus }) | null {
  const channel = parseJsonObject(data);
  if (channel === null || !isPositiveInteger(channel.id)) return null;
  if (typeof channel.name !== 'string' || typeof channel.url !== 'string') return null;
  const status = parseStatus(channel.status);
  if (status === null) return null;
  return { ...(channel as unknown as Channel), status };
}

/** The id of the channel an admin removed, from a live `channel` event's JSON data (`{"id": 4, "removed": true}`); null for anything else. */
export function parseChannelRemoval(data: string): number | null {
  const removal = parseJsonObject(data);
  if (removal === null || removal.removed !== true || !isPositiveInteger(removal.id)) return null;
  return removal.id;
}

/** Live statuses by channel id, over what /channels said: the channel's status as the page should show it. */
export function currentStatus(channel: Channel, live: ReadonlyMap<number, ChannelStatus>): ChannelStatus | undefined {
  return live.get(channel.id) ?? channel.status;
}

/** A gap's identity: one outage per channel starts at a given time. */
export function gapKey(gap: HistoryGap): string {
  return `${gap.channel_id}@${gap.started_at}`;
}
