import { createContext } from 'preact';
import { useCallback, useContext, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { ApiClient } from '../api/client';
import { NotFoundError } from '../api/errors';
import type { Watch, WatchDraft, WatchMatchEvent } from '../api/types';
import { songUrl } from '../catalog/urls';
import type { LiveHub } from '../history/live-hub';
import { findWatch, targetKey } from '../watches/watch-targets';
import type { Session } from './use-session';
import type { ToastApi } from './use-toasts';

export type WatchesStatus = 'off' | 'loading' | 'ready' | 'error';

/** The signed-in user's watches, app-wide: every bell shows and toggles them, the /watches page lists them. */
export interface WatchesState {
  signedIn: boolean;
  status: WatchesStatus;
  watches: readonly Watch[];
  /** The private feed's address (every watch carries it), null until known. */
  feedUrl: string | null;
  /** Target keys (targetKey) with a call in flight. */
  pending: ReadonlySet<string>;
  find: (draft: WatchDraft) => Watch | undefined;
  /** Creates the watch of `draft`, or removes it if there is one. */
  toggle: (draft: WatchDraft) => void;
  remove: (watch: Watch) => Promise<void>;
  renewFeed: () => Promise<void>;
  /** Matches that arrived live since the /watches page was last seen. */
  unseen: number;
  markSeen: () => void;
  retry: () => void;
}

const SIGNED_OUT: WatchesState = {
  signedIn: false,
  status: 'off',
  watches: [],
  feedUrl: null,
  pending: new Set(),
  find: () => undefined,
  toggle: () => undefined,
  remove: () => Promise.resolve(),
  renewFeed: () => Promise.resolve(),
  unseen: 0,
  markSeen: () => undefined,
  retry: () => undefined,
};

export const WatchesContext = createContext<WatchesState>(SIGNED_OUT);

export function useWatches(): WatchesState {
  return useContext(WatchesContext);
}

/** How long a live match's toast stays: long enough to notice while listening. */
export const MATCH_TOAST_MS = 20_000;

/** "<song> is on <channel> now". */
export function matchMessage(match: WatchMatchEvent, channelName: string | undefined): string {
  return `${match.item.song_title} is on ${channelName ?? `channel ${match.item.channel_id}`} now`;
}

/** The names of the channels, asked for once when first needed (a match names its channel by id). */
function useChannelNames(api: ApiClient) {
  const names = useRef<Promise<Map<number, string>> | null>(null);
  return useCallback(() => {
    names.current ??= api.getChannels().then(
      (channels) => new Map(channels.map((channel) => [channel.id, channel.name])),
      () => {
        names.current = null;
        return new Map<number, string>();
      },
    );
    return names.current;
  }, [api]);
}

/** For the provider in app.tsx: loads the watches once signed in, and turns live matches into toasts and the badge's count. */
export function useWatchesState(api: ApiClient, session: Session, hub: LiveHub, toasts: ToastApi): WatchesState {
  const signedIn = session.status === 'signed-in';
  const [status, setStatus] = useState<WatchesStatus>('off');
  const [watches, setWatches] = useState<readonly Watch[]>([]);
  const [renewedFeedUrl, setRenewedFeedUrl] = useState<string | null>(null);
  const [pending, setPending] = useState<ReadonlySet<string>>(new Set());
  const [unseen, setUnseen] = useState(0);
  const [attempt, setAttempt] = useState(0);
  const channelNames = useChannelNames(api);

  useEffect(() => {
    if (!signedIn) {
      setStatus('off');
      setWatches([]);
      return;
    }
    const abort = new AbortController();
    setStatus('loading');
    api
      .getWatches(abort.signal)
      .then((loaded) => {
        setWatches(loaded);
        setStatus('ready');
      })
      .catch((error: unknown) => {
        if (abort.signal.aborted) return;
        setStatus('error');
        // A server without watches (the original's) answers 404: nothing to tell on every page.
        if (!(error instanceof NotFoundError)) toasts.showError(error);
      });
    return () => abort.abort();
  }, [api, signedIn, toasts, attempt]);

  useEffect(() => {
    if (!signedIn) return;
    return hub.subscribe({
      onWatch: (match) => {
        setUnseen((count) => count + 1);
        void channelNames().then((names) =>
          toasts.show(matchMessage(match, names.get(match.item.channel_id)), 'info', {
            href: songUrl(match.item.song_id),
            timeoutMs: MATCH_TOAST_MS,
          }),
        );
      },
    });
  }, [hub, signedIn, toasts, channelNames]);

  const settle = useCallback(
    (key: string) =>
      setPending((current) => {
        const next = new Set(current);
        next.delete(key);
        return next;
      }),
    [],
  );

  const remove = useCallback(
    async (watch: Watch) => {
      try {
        await api.removeWatch(watch.id);
      } catch (error) {
        // Already gone (removed in another tab): the goal is reached.
        if (!(error instanceof NotFoundError)) throw error;
      }
      setWatches((current) => current.filter((existing) => existing.id !== watch.id));
    },
    [api],
  );

  const toggle = useCallback(
    (draft: WatchDraft) => {
      const key = targetKey(draft);
      if (pending.has(key)) return;
      setPending((current) => new Set(current).add(key));
      const existing = findWatch(watches, draft);
      const call = existing
        ? remove(existing)
        : api.addWatch(draft).then((added) => {
            setWatches((current) => [added, ...current.filter((watch) => watch.id !== added.id)]);
            setRenewedFeedUrl(null);
          });
      call.catch((error: unknown) => toasts.showError(error)).finally(() => settle(key));
    },
    [api, pending, watches, remove, toasts, settle],
  );

  const renewFeed = useCallback(async () => {
    const { feed_url: feedUrl } = await api.renewWatchFeed();
    setRenewedFeedUrl(feedUrl);
    setWatches((current) => current.map((watch) => ({ ...watch, feed_url: feedUrl })));
  }, [api]);

  const markSeen = useCallback(() => setUnseen(0), []);
  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  const find = useCallback((draft: WatchDraft) => findWatch(watches, draft), [watches]);
  const feedUrl = renewedFeedUrl ?? watches[0]?.feed_url ?? null;

  return useMemo(
    () =>
      signedIn ? { signedIn, status, watches, feedUrl, pending, find, toggle, remove, renewFeed, unseen, markSeen, retry } : SIGNED_OUT,
    [signedIn, status, watches, feedUrl, pending, find, toggle, remove, renewFeed, unseen, markSeen, retry],
  );
}
