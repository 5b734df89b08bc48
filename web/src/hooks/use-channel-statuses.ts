import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { Channel, ChannelStatus } from '../api/types';
import type { LiveStatus } from '../history/live-connection';
import { useApi } from './use-api';

export interface ChannelStatuses {
  /** Statuses that arrived live (or were read again), by channel id; newer than what /channels said at first. */
  live: ReadonlyMap<number, ChannelStatus>;
  apply: (channel: Channel & { status: ChannelStatus }) => void;
  /** Reads every status again from /channels; a failure keeps what is shown (the next change comes live). */
  resync: () => void;
}

function statusesOf(channels: readonly Channel[]): [number, ChannelStatus][] {
  return channels.flatMap((channel) => (channel.status ? [[channel.id, channel.status] as [number, ChannelStatus]] : []));
}

/**
 * The channels' statuses as live `channel` events change them; forgotten when the channels are loaded again.
 *
 * A read of /channels can cross a live event: the server reads the statuses, a change goes out on
 * the stream and arrives first, then the older answer. A status that arrived live after a read was
 * asked for is kept over that read's answer: the stream delivers every later change in order, so
 * what it said last is never older than what the read saw, whereas the read's answer may be.
 */
export function useChannelStatuses(channels: readonly Channel[] | null): ChannelStatuses {
  const api = useApi();
  const [live, setLive] = useState<ReadonlyMap<number, ChannelStatus>>(new Map());
  // How many live statuses arrived so far, and at which of them each channel's last one did.
  const arrivals = useRef(0);
  const arrivedAt = useRef(new Map<number, number>());
  useEffect(() => {
    arrivedAt.current = new Map();
    setLive(new Map());
  }, [channels]);
  const apply = useCallback((channel: Channel & { status: ChannelStatus }) => {
    arrivals.current += 1;
    arrivedAt.current.set(channel.id, arrivals.current);
    setLive((current) => new Map(current).set(channel.id, channel.status));
  }, []);
  const resync = useCallback(() => {
    const askedAt = arrivals.current;
    api
      .getChannels()
      .then((fresh) =>
        setLive((current) => {
          const next = new Map(current);
          for (const [id, status] of statusesOf(fresh)) {
            if ((arrivedAt.current.get(id) ?? 0) <= askedAt) next.set(id, status);
          }
          return next;
        }),
      )
      .catch(() => undefined);
  }, [api]);
  return { live, apply, resync };
}

/**
 * Calls `onLive` each time the live stream becomes live: when it first connects and when it is
 * back after a drop; and when the channels were loaded (again) while it is live. The stream
 * replays no channel events, so a status that changed before it was live (after the page read
 * /channels, or while it was away) has to be read again; and a load of the channels forgets the
 * statuses that arrived live while it was on its way, which may be newer than what it read.
 */
export function useReadAgainWhenLive(status: LiveStatus, onLive: () => void, channels?: readonly Channel[] | null): void {
  const previous = useRef(status);
  useEffect(() => {
    const wasNotLive = previous.current !== 'live';
    previous.current = status;
    if (wasNotLive && status === 'live') onLive();
  }, [status, onLive]);
  const loadedChannels = useRef(channels);
  useEffect(() => {
    if (loadedChannels.current === channels) return;
    loadedChannels.current = channels;
    if (channels && previous.current === 'live') onLive();
  }, [channels, onLive]);
}
