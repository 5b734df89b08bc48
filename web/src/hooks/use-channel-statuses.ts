import { useCallback, useEffect, useState } from 'preact/hooks';
import type { Channel, ChannelStatus } from '../api/types';

export interface ChannelStatuses {
  /** Statuses that arrived live, by channel id; newer than what /channels said. */
  live: ReadonlyMap<number, ChannelStatus>;
  apply: (channel: Channel & { status: ChannelStatus }) => void;
}

/** The channels' statuses as live `channel` events change them; forgotten when the channels are loaded again. */
export function useChannelStatuses(channels: readonly Channel[] | null): ChannelStatuses {
  const [live, setLive] = useState<ReadonlyMap<number, ChannelStatus>>(new Map());
  useEffect(() => setLive(new Map()), [channels]);
  const apply = useCallback(
    (channel: Channel & { status: ChannelStatus }) => setLive((current) => new Map(current).set(channel.id, channel.status)),
    [],
  );
  return { live, apply };
}
