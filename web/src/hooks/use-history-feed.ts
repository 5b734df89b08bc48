import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import type { ChannelStatus, HistoryGap, HistoryItem } from '../api/types';
import { addLiveItem, setSongBookmark } from '../history/history-list';
import { addGaps, applyStatusToGaps, gapsOfChannel, type HeldGaps } from '../history/history-rows';
import { useApi } from './use-api';
import { usePagedList, type PageFetcher, type PagedListState } from './use-paged-list';

export interface HistoryFeed extends PagedListState<HistoryItem> {
  /** Puts an item from the live stream on top, if it belongs to the channel shown. */
  addLive: (item: HistoryItem) => void;
  setBookmark: (songId: number, bookmarkId: number) => void;
  /** The stations' outages in the time the pages cover (only when asked for with `gaps`). */
  gaps: HistoryGap[];
  /** A channel's live status: opens or closes its ongoing gap. */
  applyStatus: (channelId: number, status: ChannelStatus) => void;
}

/** What a history list shows: one channel (null = all), or the airings of one song or one artist, or those matching words; in a time or any. */
export interface HistoryFilter {
  channelId?: number | null;
  songId?: number | null;
  artistId?: number | null;
  q?: string | null;
  /** RFC 3339: only the airings at or after `from`, and before `to`. */
  from?: string | null;
  to?: string | null;
  /** Also the stations' outages (a channel's or every channel's history only; the server refuses them with q, songId or artistId). */
  gaps?: boolean;
}

const NO_GAPS: HeldGaps = new Map();

/** The history of one channel (null = all), or of a song, an artist or a search (in a time or any), paged, with live items on top; `enabled` false loads nothing. */
export function useHistoryFeed(filter: number | null | HistoryFilter, enabled = true): HistoryFeed {
  const api = useApi();
  const {
    channelId = null,
    songId = null,
    artistId = null,
    q = null,
    from = null,
    to = null,
    gaps: withGaps = false,
  } = typeof filter === 'object' && filter !== null ? filter : { channelId: filter };
  const [heldGaps, setHeldGaps] = useState<HeldGaps>(NO_GAPS);
  const fetchPage = useCallback<PageFetcher<HistoryItem>>(
    async (page, signal) => {
      const request = { ...page, channelId, songId, artistId, q, from, to };
      if (!withGaps) return api.getHistory(request, signal);
      const entries = await api.getHistoryWithGaps(request, signal);
      if (!signal.aborted) setHeldGaps((held) => addGaps(held, entries.gaps));
      return entries.items;
    },
    [api, channelId, songId, artistId, q, from, to, withGaps],
  );
  // A list that starts over starts without gaps; those of its pages come with them.
  useEffect(() => setHeldGaps(NO_GAPS), [fetchPage]);
  const feed = usePagedList(enabled ? fetchPage : null);
  const { update } = feed;
  const addLive = useCallback((item: HistoryItem) => update((list) => addLiveItem(list, item, channelId)), [update, channelId]);
  const setBookmark = useCallback(
    (songId: number, bookmarkId: number) => update((list) => setSongBookmark(list, songId, bookmarkId)),
    [update],
  );
  const applyStatus = useCallback(
    (statusChannelId: number, status: ChannelStatus) => {
      if (withGaps) setHeldGaps((held) => applyStatusToGaps(held, statusChannelId, status));
    },
    [withGaps],
  );
  const gaps = useMemo(() => gapsOfChannel(heldGaps, channelId), [heldGaps, channelId]);
  return { ...feed, addLive, setBookmark, gaps, applyStatus };
}
