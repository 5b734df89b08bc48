import { useCallback, useEffect, useState } from 'preact/hooks';
import type { Channel, HistoryItem } from '../api/types';
import { setNowPlayingBookmark, updateNowPlaying, type NowPlaying } from '../history/now-playing';
import { useApi } from './use-api';
import { useToasts } from './use-toasts';

export interface NowPlayingState {
  nowPlaying: NowPlaying;
  loading: boolean;
  /** Channels whose latest item could not be loaded. */
  failed: ReadonlySet<number>;
  /** Takes a newer item (from the live stream) into its channel's card. */
  apply: (item: HistoryItem) => void;
  setBookmark: (songId: number, bookmarkId: number) => void;
}

/** Each channel's latest item: one `limit=1` history call per channel, then live updates. */
export function useNowPlaying(channels: readonly Channel[] | null): NowPlayingState {
  const api = useApi();
  const toasts = useToasts();
  const [nowPlaying, setNowPlaying] = useState<NowPlaying>(new Map());
  const [loading, setLoading] = useState(true);
  const [failed, setFailed] = useState<ReadonlySet<number>>(new Set());

  useEffect(() => {
    if (channels === null) return;
    const abort = new AbortController();
    setLoading(true);
    void Promise.allSettled(channels.map((channel) => api.getHistory({ channelId: channel.id, limit: 1 }, abort.signal))).then(
      (results) => {
        if (abort.signal.aborted) return;
        const latest = results.flatMap((result) => (result.status === 'fulfilled' ? result.value : []));
        setNowPlaying((current) => latest.reduce(updateNowPlaying, current));
        const failure = results.find((result): result is PromiseRejectedResult => result.status === 'rejected');
        setFailed(new Set(channels.filter((_, index) => results[index]?.status === 'rejected').map((channel) => channel.id)));
        setLoading(false);
        if (failure) toasts.showError(failure.reason);
      },
    );
    return () => abort.abort();
  }, [api, toasts, channels]);

  const apply = useCallback((item: HistoryItem) => setNowPlaying((current) => updateNowPlaying(current, item)), []);
  const setBookmark = useCallback(
    (songId: number, bookmarkId: number) => setNowPlaying((current) => setNowPlayingBookmark(current, songId, bookmarkId)),
    [],
  );

  return { nowPlaying, loading, failed, apply, setBookmark };
}
