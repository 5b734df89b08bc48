import type { EventSourceLike } from '../api/client';
import type { Channel, ChannelStatus, HistoryItem, WatchMatchEvent } from '../api/types';
import { parseChannelEvent, parseChannelRemoval } from '../health/station-health';
import { parseWatchEvent } from '../watches/parse-watch-event';
import { parseHistoryItem } from './parse-history-item';

export type LiveStatus = 'off' | 'connecting' | 'live' | 'reconnecting';

/** EventSource.CLOSED: the browser gave up and will not retry by itself. */
const CLOSED = 2;

/** Waits before reopening a stream the browser gave up on; the last one repeats. */
export const RETRY_DELAYS_MS = [1_000, 2_000, 5_000, 10_000, 30_000] as const;

export interface LiveConnectionOptions {
  /** Opens the stream, asking for the items after `lastEventId` when given. */
  open: (lastEventId: number | null) => EventSourceLike;
  /** The newest id the page already shows, so a (re)opened stream resumes after it. */
  lastSeenId: () => number | null;
  onItem: (item: HistoryItem) => void;
  /** A channel whose polling state changed (`event: channel`, ours; an original server sends none). */
  onChannel?: (channel: Channel & { status: ChannelStatus }) => void;
  /** The id of a channel an admin removed (also `event: channel`, with `"removed": true`). */
  onChannelRemoved?: (id: number) => void;
  /** An airing matching one of the signed-in user's watches (`event: watch`, ours; only on a stream with the session cookie). */
  onWatch?: (match: WatchMatchEvent) => void;
  onStatus: (status: LiveStatus) => void;
  retryDelaysMs?: readonly number[];
  setTimer?: (callback: () => void, ms: number) => unknown;
  clearTimer?: (timer: unknown) => void;
}

export interface LiveConnection {
  close(): void;
}

/**
 * Keeps a live history stream open. While the browser retries by itself it
 * also resends Last-Event-ID; when it gives up (readyState CLOSED), a new
 * stream is opened after a growing delay, resuming after the newest id seen.
 */
export function connectLive(options: LiveConnectionOptions): LiveConnection {
  const retryDelays = options.retryDelaysMs ?? RETRY_DELAYS_MS;
  const setTimer = options.setTimer ?? ((callback, ms) => setTimeout(callback, ms));
  const clearTimer = options.clearTimer ?? ((timer) => clearTimeout(timer as ReturnType<typeof setTimeout>));

  let source: EventSourceLike | null = null;
  let timer: unknown = null;
  let failures = 0;
  let newestReceived: number | null = null;
  let closed = false;

  function resumeAfter(): number | null {
    const seen = options.lastSeenId();
    if (seen === null) return newestReceived;
    if (newestReceived === null) return seen;
    return Math.max(seen, newestReceived);
  }

  function scheduleReopen(): void {
    const delay = retryDelays[Math.min(failures, retryDelays.length - 1)] ?? 1_000;
    failures += 1;
    timer = setTimer(() => {
      timer = null;
      if (!closed) open();
    }, delay);
  }

  function open(): void {
    const current = options.open(resumeAfter());
    source = current;
    current.addEventListener('open', () => {
      if (closed || source !== current) return;
      failures = 0;
      options.onStatus('live');
    });
    current.addEventListener('history', (event: MessageEvent<string>) => {
      if (closed || source !== current) return;
      const item = parseHistoryItem(event.data);
      if (item === null) return;
      newestReceived = newestReceived === null ? item.id : Math.max(newestReceived, item.id);
      options.onItem(item);
    });
    current.addEventListener('channel', (event: MessageEvent<string>) => {
      if (closed || source !== current) return;
      const removedId = parseChannelRemoval(event.data);
      if (removedId !== null) {
        options.onChannelRemoved?.(removedId);
        return;
      }
      const channel = parseChannelEvent(event.data);
      if (channel !== null) options.onChannel?.(channel);
    });
    current.addEventListener('watch', (event: MessageEvent<string>) => {
      if (closed || source !== current) return;
      const match = parseWatchEvent(event.data);
      if (match !== null) options.onWatch?.(match);
    });
    current.addEventListener('error', () => {
      if (closed || source !== current) return;
      options.onStatus('reconnecting');
      if (current.readyState === CLOSED) {
        current.close();
        source = null;
        scheduleReopen();
      }
    });
  }

  options.onStatus('connecting');
  open();

  return {
    close() {
      closed = true;
      if (timer !== null) clearTimer(timer);
      timer = null;
      source?.close();
      source = null;
    },
  };
}
