import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Channel, HistoryItem } from '../api/types';
import { setNowPlayingBookmark, updateNowPlaying, type NowPlaying } from '../history/now-playing';
import { useApi } from './use-api';
import { useToasts } from './use-toasts';

export interface NowPlayingState {
  nowPlaying: NowPlaying;
  /** Channels whose latest item is still being loaded. */
  loading: ReadonlySet<number>;
  /** Channels whose latest item could not be loaded. */
  failed: ReadonlySet<number>;
  /** Takes a newer item (from the live stream) into its channel's card. */
  apply: (item: HistoryItem) => void;
  setBookmark: (songId: number, bookmarkId: number) => void;
}

/**
 * Each channel's latest item: one `limit=1` history call per channel, then live updates. A
 * changed list (a channel an admin added or removed while the page is open) asks only for the
 * channels not asked for yet, and again for those that failed: the cards already shown stay as
 * they are instead of falling back to their spinners while every channel is asked again.
 */
export function useNowPlaying(channels: readonly Channel[] | null): NowPlayingState {
  const api = useApi();
  const toasts = useToasts();
  const [nowPlaying, setNowPlaying] = useState<NowPlaying>(new Map());
  const [answered, setAnswered] = useState<ReadonlySet<number>>(new Set());
  const [failed, setFailed] = useState<ReadonlySet<number>>(new Set());
  const asked = useRef(new Set<number>());
  // Built once (a lazy initial state), not on every render as a useRef argument would be.
  const [unmounted] = useState(() => new AbortController());
  useEffect(() => () => unmounted.abort(), [unmounted]);

  useEffect(() => {
    if (channels === null) return;
    const wanted = channels.map((channel) => channel.id).filter((id) => !asked.current.has(id));
    if (wanted.length === 0) return;
    for (const id of wanted) asked.current.add(id);
    const { signal } = unmounted;
    void Promise.allSettled(wanted.map((id) => api.getHistory({ channelId: id, limit: 1 }, signal))).then((results) => {
      if (signal.aborted) return;
      const latest = results.flatMap((result) => (result.status === 'fulfilled' ? result.value : []));
      const rejected = wanted.filter((_, index) => results[index]?.status === 'rejected');
      for (const id of rejected) asked.current.delete(id);
      setNowPlaying((current) => latest.reduce(updateNowPlaying, current));
      setFailed((current) => new Set([...[...current].filter((id) => !wanted.includes(id)), ...rejected]));
      setAnswered((current) => new Set([...current, ...wanted]));
      const failure = results.find((result): result is PromiseRejectedResult => result.status === 'rejected');
      if (failure) toasts.showError(failure.reason);
    });
  }, [api, toasts, channels, unmounted]);

  const loading = useMemo<ReadonlySet<number>>(
    () => new Set((channels ?? []).map((channel) => channel.id).filter((id) => !answered.has(id))),
    [channels, answered],
  );
  const apply = useCallback((item: HistoryItem) => setNowPlaying((current) => updateNowPlaying(current, item)), []);
  const setBookmark = useCallback(
    (songId: number, bookmarkId: number) => setNowPlaying((current) => setNowPlayingBookmark(current, songId, bookmarkId)),
    [],
  );

  return { nowPlaying, loading, failed, apply, setBookmark };
}
