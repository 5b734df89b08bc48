import { useEffect, useRef, useState } from 'preact/hooks';
import type { Channel, ChannelStatus, HistoryItem } from '../api/types';
import type { LiveStatus } from '../history/live-connection';
import { useLiveHub } from './use-live-hub';

/**
 * While `enabled`, keeps the live history stream open and hands each new item
 * to `onItem`, each channel whose polling state changed (or that was added) to
 * `onChannel`, and the id of each channel an admin removed to `onChannelRemoved`.
 * `lastSeenId` tells where a (re)opened stream should resume.
 * The callbacks may change on every render without reopening the stream.
 */
export function useLiveHistory(
  enabled: boolean,
  onItem: (item: HistoryItem) => void,
  lastSeenId: () => number | null,
  onChannel?: (channel: Channel & { status: ChannelStatus }) => void,
  onChannelRemoved?: (id: number) => void,
): LiveStatus {
  const hub = useLiveHub();
  const [status, setStatus] = useState<LiveStatus>(enabled ? 'connecting' : 'off');
  const onItemRef = useRef(onItem);
  onItemRef.current = onItem;
  const lastSeenRef = useRef(lastSeenId);
  lastSeenRef.current = lastSeenId;
  const onChannelRef = useRef(onChannel);
  onChannelRef.current = onChannel;
  const onChannelRemovedRef = useRef(onChannelRemoved);
  onChannelRemovedRef.current = onChannelRemoved;

  useEffect(() => {
    if (!enabled) {
      setStatus('off');
      return;
    }
    return hub.subscribe({
      lastSeenId: () => lastSeenRef.current(),
      onItem: (item) => onItemRef.current(item),
      onChannel: (channel) => onChannelRef.current?.(channel),
      onChannelRemoved: (id) => onChannelRemovedRef.current?.(id),
      onStatus: setStatus,
    });
  }, [hub, enabled]);

  return status;
}
