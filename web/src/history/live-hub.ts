import type { EventSourceLike } from '../api/client';
import type { Channel, ChannelStatus, HistoryItem, WatchMatchEvent } from '../api/types';
import { connectLive, type LiveConnection, type LiveConnectionOptions, type LiveStatus } from './live-connection';

/** One user of the live stream: what it wants handed on, and the newest id it shows (where a reopened stream resumes). */
export interface LiveSubscriber {
  onItem?: (item: HistoryItem) => void;
  onChannel?: (channel: Channel & { status: ChannelStatus }) => void;
  onWatch?: (match: WatchMatchEvent) => void;
  lastSeenId?: () => number | null;
  onStatus?: (status: LiveStatus) => void;
}

export interface LiveHub {
  /** Adds a subscriber (opening the stream if it is the first); the returned function removes it (closing the stream after the last). */
  subscribe(subscriber: LiveSubscriber): () => void;
}

type Connect = (options: LiveConnectionOptions) => LiveConnection;

/** The newest of the ids the subscribers show: a reopened stream misses nothing any of them needs. */
function newestSeen(subscribers: Iterable<LiveSubscriber>): number | null {
  let newest: number | null = null;
  for (const subscriber of subscribers) {
    const seen = subscriber.lastSeenId?.() ?? null;
    if (seen !== null && (newest === null || seen > newest)) newest = seen;
  }
  return newest;
}

/**
 * One live history stream shared by everything on screen (the history page, the watch alerts),
 * so a signed-in user's browser holds one connection to /history/events whatever the page.
 */
export function createLiveHub(open: (lastEventId: number | null) => EventSourceLike, connect: Connect = connectLive): LiveHub {
  const subscribers = new Set<LiveSubscriber>();
  let connection: LiveConnection | null = null;
  let status: LiveStatus = 'off';

  function start(): LiveConnection {
    return connect({
      open,
      lastSeenId: () => newestSeen(subscribers),
      onItem: (item) => subscribers.forEach((subscriber) => subscriber.onItem?.(item)),
      onChannel: (channel) => subscribers.forEach((subscriber) => subscriber.onChannel?.(channel)),
      onWatch: (match) => subscribers.forEach((subscriber) => subscriber.onWatch?.(match)),
      onStatus: (next) => {
        status = next;
        subscribers.forEach((subscriber) => subscriber.onStatus?.(next));
      },
    });
  }

  return {
    subscribe(subscriber) {
      subscribers.add(subscriber);
      if (connection === null) connection = start();
      else subscriber.onStatus?.(status);
      return () => {
        if (!subscribers.delete(subscriber) || subscribers.size > 0) return;
        connection?.close();
        connection = null;
        status = 'off';
      };
    },
  };
}
