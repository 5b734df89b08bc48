import type { Channel, ChannelStatus, HistoryItem } from '../api/types';
import { withKnownBookmark } from '../history/known-bookmark';
import type { LiveStatus } from '../history/live-connection';
import { latestId } from '../history/now-playing';
import { newestId } from '../lists/paged-list';
import type { ChannelStatuses } from './use-channel-statuses';
import type { HistoryFeed } from './use-history-feed';
import { useLiveHistory } from './use-live-history';
import type { NowPlayingState } from './use-now-playing';

export interface LiveTargets {
  feed: Pick<HistoryFeed, 'list' | 'addLive'> & Partial<Pick<HistoryFeed, 'applyStatus'>>;
  nowPlaying: Pick<NowPlayingState, 'nowPlaying' | 'apply'>;
  /** Where channel status changes go (the cards); without it they are ignored. */
  statuses?: Pick<ChannelStatuses, 'apply'>;
  /** The channel list, kept in step with the channels admins add and remove; without it they show after a reload. */
  channels?: { remove(id: number): void; add(channel: Channel): void };
}

/** The newest id the page holds, in its list or its cards: where a (re)opened stream resumes. */
function newestShown({ feed, nowPlaying }: LiveTargets): number | null {
  const ids = [newestId(feed.list), latestId(nowPlaying.nowPlaying)].filter((id): id is number => id !== null);
  return ids.length > 0 ? Math.max(...ids) : null;
}

/**
 * While `enabled`, merges the live history stream into the page: each new item
 * takes the bookmark of a play of its song already shown (the stream carries
 * none), becomes its channel's now playing, and goes on top of the list if it
 * belongs to the channel shown. A channel whose polling state changed updates
 * its card and opens or closes its gap in the list; one not listed yet (just
 * added) joins the channels first, and a removed one leaves them.
 */
export function useLiveMerge(enabled: boolean, targets: LiveTargets): LiveStatus {
  const { feed, nowPlaying } = targets;
  return useLiveHistory(
    enabled,
    (item: HistoryItem) => {
      const enriched = withKnownBookmark(item, [...feed.list.byId.values(), ...nowPlaying.nowPlaying.values()]);
      nowPlaying.apply(enriched);
      feed.addLive(enriched);
    },
    () => newestShown(targets),
    (channel: Channel & { status: ChannelStatus }) => {
      targets.channels?.add(channel);
      targets.statuses?.apply(channel);
      feed.applyStatus?.(channel.id, channel.status);
    },
    (id: number) => targets.channels?.remove(id),
  );
}
