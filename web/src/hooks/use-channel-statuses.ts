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

/** The channels' statuses as live `channel` events change them; forgotten when the channels are loaded again. */
export function useChannelStatuses(channels: readonly Channel[] | null): ChannelStatuses {
  const api = useApi();
  const [live, setLive] = useState<ReadonlyMap<number, ChannelStatus>>(new Map());
  useEffect(() => setLive(new Map()), [channels]);
  const apply = useCallback(
    (channel: Channel & { status: ChannelStatus }) => setLive((current) => new Map(current).set(channel.id, channel.status)),
    [],
  );
  const resync = useCallback(() => {
    api
      .getChannels()
      .then((fresh) => setLive((current) => new Map([...current, ...statusesOf(fresh)])))
      .catch(() => undefined);
  }, [api]);
  return { live, apply, resync };
}

/**
 * Calls `onLive` each time the live stream becomes live: when it first connects and when it is
 * back after a drop. The stream replays no channel events, so a status that changed before it was
 * live (after the page read /channels, or while it was away) has to be read again.
 */
export function useReadAgainWhenLive(status: LiveStatus, onLive: () => void): void {
  const previous = useRef(status);
  useEffect(() => {
    const wasNotLive = previous.current !== 'live';
    previous.current = status;
    if (wasNotLive && status === 'live') onLive();
  }, [status, onLive]);
}
