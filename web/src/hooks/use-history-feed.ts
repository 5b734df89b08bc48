import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { isAbort, PAGE_SIZE } from '../api/client';
import type { HistoryItem } from '../api/types';
import {
  addLiveItem,
  addPage,
  emptyHistoryList,
  oldestId,
  setSongBookmark,
  type HistoryList,
} from '../history/history-list';
import { useApi } from './use-api';
import { useToasts } from './use-toasts';

export type FeedStatus = 'loading' | 'ready' | 'error';

export interface HistoryFeed {
  list: HistoryList;
  status: FeedStatus;
  loadingMore: boolean;
  loadMore(): void;
  retry(): void;
  addLive(item: HistoryItem): void;
  setBookmark(songId: number, bookmarkId: number): void;
}

/**
 * The history of one channel (null = all): the first page, older pages on
 * demand (keyset on the smallest id loaded, so items that arrived live in
 * between neither repeat nor leave a gap), and live items on top.
 */
export function useHistoryFeed(channelId: number | null): HistoryFeed {
  const api = useApi();
  const toasts = useToasts();
  const [list, setList] = useState<HistoryList>(emptyHistoryList);
  const [status, setStatus] = useState<FeedStatus>('loading');
  const [loadingMore, setLoadingMore] = useState(false);
  const [attempt, setAttempt] = useState(0);
  // Answers for a channel no longer shown are dropped.
  const generation = useRef(0);
  const moreAbort = useRef<AbortController | null>(null);

  useEffect(() => {
    const current = ++generation.current;
    const abort = new AbortController();
    moreAbort.current?.abort();
    moreAbort.current = null;
    setList(emptyHistoryList);
    setStatus('loading');
    setLoadingMore(false);
    api
      .getHistory({ channelId, limit: PAGE_SIZE }, abort.signal)
      .then((items) => {
        if (generation.current !== current) return;
        setList((shown) => addPage(shown, items, PAGE_SIZE));
        setStatus('ready');
      })
      .catch((error: unknown) => {
        if (isAbort(error) || generation.current !== current) return;
        setStatus('error');
        toasts.showError(error);
      });
    return () => abort.abort();
  }, [api, toasts, channelId, attempt]);

  const listRef = useRef(list);
  listRef.current = list;

  const loadMore = useCallback(() => {
    if (moreAbort.current !== null) return;
    const current = generation.current;
    const abort = new AbortController();
    moreAbort.current = abort;
    setLoadingMore(true);
    api
      .getHistory({ channelId, limit: PAGE_SIZE, before: oldestId(listRef.current) }, abort.signal)
      .then((items) => {
        if (generation.current === current) setList((shown) => addPage(shown, items, PAGE_SIZE));
      })
      .catch((error: unknown) => {
        if (generation.current === current) toasts.showError(error);
      })
      .finally(() => {
        if (moreAbort.current === abort) {
          moreAbort.current = null;
          setLoadingMore(false);
        }
      });
  }, [api, toasts, channelId]);

  useEffect(() => () => moreAbort.current?.abort(), []);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  const addLive = useCallback((item: HistoryItem) => setList((shown) => addLiveItem(shown, item, channelId)), [channelId]);
  const setBookmark = useCallback(
    (songId: number, bookmarkId: number) => setList((shown) => setSongBookmark(shown, songId, bookmarkId)),
    [],
  );

  return { list, status, loadingMore, loadMore, retry, addLive, setBookmark };
}
