import type { EventSourceLike } from '../api/client';
import type { Channel, ChannelStatus, HistoryItem, WatchMatchEvent } from '../api/types';
import { connectLive, type LiveConnection, type LiveConnectionOptions, type LiveStatus } from './live-connection';

/** One user of the live stream: what it wants handed on, and the newest id it shows (where a reopened stream resumes). */
export interface LiveSubscriber {
  onItem?: (item: HistoryItem) => void;
  onChannel?: (channel: Channel & { status: ChannelStatus }) => void;
  onChannelRemoved?: (id: number) => void;
  onWatch?: (match: WatchMatchEvent) => void;
  lastSeenId?: () => number | null;
  onStatus?: (status: LiveStatus) => void;
}

export interface LiveHub {
  /** Adds a subscriber (opening the stream if it is the first); the returned function removes it (closing the stream after the last). */
  subscribe(subscriber: LiveSubscriber): () => void;
}

type Connect = (options: LiveConnectionOptions) => LiveConnection;

/** The oldest of the newest ids the subscribers show: a (re)opened stream misses nothing any of them needs (each drops what it has). */
function oldestSeen(subscribers: Iterable<LiveSubscriber>): number | null {
  let oldest: number | null = null;
  for (const subscriber of subscribers) {
    const seen = subscriber.lastSeenId?.() ?? null;
    if (seen !== null && (oldest === null || seen < oldest)) oldest = seen;
  }
  return oldest;
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
      lastSeenId: () => oldestSeen(subscribers),
      onItem: (item) => subscribers.forEach((subscriber) => subscriber.onItem?.(item)),
      onChannel: (channel) => subscribers.forEach((subscriber) => subscriber.onChannel?.(channel)),
      onChannelRemoved: (id) => subscribers.forEach((subscriber) => subscriber.onChannelRemoved?.(id)),
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
      if (connection === null) {
        connection = start();
      } else if (subscriber.lastSeenId) {
        // The open stream has been handing items to the others since before this subscriber
        // loaded what it shows: reopened after its newest id, it replays what this one missed.
        connection.close();
        connection = start();
      } else {
        subscriber.onStatus?.(status);
      }
      return () => {
        if (!subscribers.delete(subscriber) || subscribers.size > 0) return;
        connection?.close();
        connection = null;
        status = 'off';
      };
    },
  };
}
