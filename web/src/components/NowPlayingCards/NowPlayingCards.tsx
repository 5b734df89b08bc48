import { useCallback, useMemo, useRef, useState } from 'preact/hooks';
import type { Channel, ChannelStatus, HistoryItem } from '../../api/types';
import { shouldAskWhich } from '../../history/heart-delay';
import { currentStatus, describeChannelStatus, statusTimeFormatter } from '../../health/station-health';
import type { NowPlaying } from '../../history/now-playing';
import type { SongBookmarking } from '../../hooks/use-bookmark-toggle';
import { useDateTimeFormat } from '../../hooks/use-date-time-format';
import { useHeartDelay } from '../../hooks/use-heart-delay';
import { Icon } from '../Icon/Icon';
import { SongActions } from '../SongActions/SongActions';
import { SongTitleLink } from '../SongTitle/SongTitle';
import { Spinner } from '../Spinner/Spinner';
import { WhichSongDialog } from './WhichSongDialog';

interface NowPlayingCardsProps {
  channels: readonly Channel[];
  nowPlaying: NowPlaying;
  /** Channels whose latest item is still being loaded. */
  loading: ReadonlySet<number>;
  /** Channels whose latest item could not be loaded. */
  failed: ReadonlySet<number>;
  bookmarking: SongBookmarking;
  /** Statuses that arrived live, over those the channels came with. */
  liveStatuses?: ReadonlyMap<number, ChannelStatus>;
  /** Now, in ms since the epoch (tests move it). */
  clock?: () => number;
}

const NO_STATUSES: ReadonlyMap<number, ChannelStatus> = new Map();

/**
 * The delay-aware heart: a heart pressed on a card soon after it changed asks which song was
 * meant (the listener hears the stream late) before bookmarking; any other press bookmarks at once.
 */
function useDelayAwareHeart(bookmarking: SongBookmarking, clock: () => number) {
  const [delaySeconds] = useHeartDelay();
  const [asking, setAsking] = useState<HistoryItem | null>(null);
  const cards = useRef<HTMLDivElement>(null);
  const cardBookmarking = useMemo<SongBookmarking>(
    () => ({
      ...bookmarking,
      toggle: (item) => (shouldAskWhich(item, clock(), delaySeconds) ? setAsking(item) : bookmarking.toggle(item)),
    }),
    [bookmarking, clock, delaySeconds],
  );
  const close = useCallback(
    (chosen: HistoryItem | null) => {
      const channelId = asking?.channel_id;
      setAsking(null);
      if (chosen !== null && chosen.bookmark_id === 0) bookmarking.toggle(chosen);
      cards.current?.querySelector<HTMLElement>(`[data-channel-id="${channelId}"] .bookmark-button`)?.focus();
    },
    [asking, bookmarking],
  );
  return { cardBookmarking, asking, close, cards };
}

/** One card per channel with the song it played last. */
export function NowPlayingCards({
  channels,
  nowPlaying,
  loading,
  failed,
  bookmarking,
  liveStatuses = NO_STATUSES,
  clock = Date.now,
}: NowPlayingCardsProps) {
  const formatDateTime = useDateTimeFormat();
  const formatTime = useMemo(() => statusTimeFormatter(), []);
  const { cardBookmarking, asking, close, cards } = useDelayAwareHeart(bookmarking, clock);
  return (
    <section aria-labelledby="now-playing-heading" class="mb-4">
      <h2 id="now-playing-heading" class="h5 mb-3">
        Now playing
      </h2>
      <div class="row row-cols-1 row-cols-sm-2 row-cols-lg-3 g-3" ref={cards}>
        {channels.map((channel) => {
          const item = nowPlaying.get(channel.id);
          const status = currentStatus(channel, liveStatuses);
          const health = describeChannelStatus(status, formatTime);
          return (
            <div class="col" key={channel.id}>
              <article
                class={`card h-100 now-playing-card channel-${channel.name}`}
                aria-label={`Channel ${channel.name}`}
                data-channel-id={channel.id}
              >
                <div class="card-body d-flex flex-column">
                  <h3 class="h6 card-title text-uppercase d-flex align-items-center gap-2 mb-2">
                    <Icon name="broadcast" />
                    {channel.name}
                  </h3>
                  {health !== null && (
                    <p
                      class={`card-text small mb-2 channel-health state-${status?.state ?? 'ok'} ${status?.state === 'failing' ? 'text-danger' : 'text-body-secondary'}`}
                    >
                      {status?.state === 'failing' && <Icon name="exclamationTriangle" class="me-1" />}
                      {health}
                    </p>
                  )}
                  {item ? (
                    <>
                      <p class="card-text fw-semibold text-break mb-1 song-title" key={item.id}>
                        <SongTitleLink songId={item.song_id} title={item.song_title} />
                      </p>
                      <p class="card-text small text-body-secondary mb-2">
                        since <time dateTime={item.created_at}>{formatDateTime(item.created_at)}</time>
                      </p>
                      <SongActions item={item} bookmarking={cardBookmarking} class="mt-auto d-flex align-items-center" />
                      {asking?.channel_id === channel.id && (
                        <WhichSongDialog item={asking} onChoose={(chosen) => close(chosen)} onCancel={() => close(null)} />
                      )}
                    </>
                  ) : loading.has(channel.id) ? (
                    <Spinner small label={`Loading what ${channel.name} plays…`} />
                  ) : failed.has(channel.id) ? (
                    <p class="card-text text-body-secondary">Not available right now.</p>
                  ) : (
                    <p class="card-text text-body-secondary">Nothing recorded yet.</p>
                  )}
                </div>
              </article>
            </div>
          );
        })}
      </div>
    </section>
  );
}
