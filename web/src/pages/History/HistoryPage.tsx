import { useCallback, useEffect, useState } from 'preact/hooks';
import type { HistoryItem } from '../../api/types';
import { ChannelFilter } from '../../components/ChannelFilter/ChannelFilter';
import { ErrorAlert } from '../../components/ErrorAlert/ErrorAlert';
import { HistoryList } from '../../components/HistoryList/HistoryList';
import { LiveSwitch } from '../../components/LiveSwitch/LiveSwitch';
import { MoreButton } from '../../components/MoreButton/MoreButton';
import { NowPlayingCards } from '../../components/NowPlayingCards/NowPlayingCards';
import { LoadingBlock } from '../../components/Spinner/Spinner';
import { newestFirst } from '../../history/history-list';
import { withKnownBookmark } from '../../history/known-bookmark';
import { latestId } from '../../history/now-playing';
import { useBookmarkToggle } from '../../hooks/use-bookmark-toggle';
import { useChannels } from '../../hooks/use-channels';
import { useHistoryFeed } from '../../hooks/use-history-feed';
import { useLiveHistory } from '../../hooks/use-live-history';
import { useLocation } from '../../hooks/use-location';
import { useNowPlaying } from '../../hooks/use-now-playing';
import { useSession } from '../../hooks/use-session';
import { CHANNEL_PARAM, channelFromQuery, historyUrl, isKnownChannel } from './selected-channel';
import { useDocumentTitle } from '../../hooks/use-document-title';

export function HistoryPage() {
  const session = useSession();
  const signedIn = session.status === 'signed-in';
  const { query, navigate } = useLocation();
  const { state: channelsState, retry: retryChannels } = useChannels();
  const channels = channelsState.status === 'ready' ? channelsState.channels : null;
  const selected = channelFromQuery(query.get(CHANNEL_PARAM));

  // A filter for a channel that does not exist shows everything instead.
  useEffect(() => {
    if (!isKnownChannel(selected, channels)) navigate(historyUrl(null), { replace: true });
  }, [selected, channels, navigate]);

  const feed = useHistoryFeed(selected);
  const nowPlaying = useNowPlaying(channels);

  const onBookmarkChange = useCallback(
    (songId: number, bookmarkId: number) => {
      feed.setBookmark(songId, bookmarkId);
      nowPlaying.setBookmark(songId, bookmarkId);
    },
    [feed.setBookmark, nowPlaying.setBookmark],
  );
  const bookmarks = useBookmarkToggle(onBookmarkChange);

  const [liveEnabled, setLiveEnabled] = useState(true);
  const liveStatus = useLiveHistory(
    liveEnabled,
    (item: HistoryItem) => {
      const known = [...feed.list.byId.values(), ...nowPlaying.nowPlaying.values()];
      const enriched = withKnownBookmark(item, known);
      nowPlaying.apply(enriched);
      feed.addLive(enriched);
    },
    () => {
      const listed = feed.list.byId.size > 0 ? Math.max(...feed.list.byId.keys()) : null;
      const playing = latestId(nowPlaying.nowPlaying);
      if (listed === null) return playing;
      return playing === null ? listed : Math.max(listed, playing);
    },
  );

  const selectedName = channels?.find((channel) => channel.id === selected)?.name;
  const items = newestFirst(feed.list);
  useDocumentTitle(selectedName ? `History of ${selectedName}` : null);

  return (
    <>
      <h1 class="visually-hidden">Nicecream History</h1>
      {channelsState.status === 'loading' && <LoadingBlock label="Loading channels…" />}
      {channelsState.status === 'error' && <ErrorAlert message="The channels could not be loaded." onRetry={retryChannels} />}
      {channels && (
        <NowPlayingCards
          channels={channels}
          nowPlaying={nowPlaying.nowPlaying}
          loading={nowPlaying.loading}
          failed={nowPlaying.failed}
          signedIn={signedIn}
          pendingSongs={bookmarks.pending}
          onToggleBookmark={bookmarks.toggle}
        />
      )}

      <section aria-labelledby="history-heading">
        <div class="d-flex flex-wrap align-items-center justify-content-between gap-2 mb-3">
          <h2 id="history-heading" class="h5 mb-0">
            History{selectedName ? ` of ${selectedName}` : ''}
          </h2>
          <LiveSwitch enabled={liveEnabled} status={liveStatus} onChange={setLiveEnabled} />
        </div>
        {channels && (
          <div class="mb-3">
            <ChannelFilter channels={channels} selected={selected} onSelect={(id) => navigate(historyUrl(id))} />
          </div>
        )}

        {feed.status === 'error' && <ErrorAlert message="The history could not be loaded." onRetry={feed.retry} />}
        {items.length > 0 && (
          <HistoryList
            items={items}
            liveIds={feed.list.liveIds}
            channels={channels ?? []}
            signedIn={signedIn}
            pendingSongs={bookmarks.pending}
            onToggleBookmark={bookmarks.toggle}
          />
        )}
        {feed.status === 'loading' && <LoadingBlock label="Loading history…" />}
        {feed.status === 'ready' && items.length === 0 && (
          <p class="text-body-secondary empty-state">
            No songs recorded{selectedName ? ` on ${selectedName}` : ''} yet.
          </p>
        )}
        {feed.status === 'ready' && items.length > 0 && (
          <MoreButton
            hasMore={feed.list.hasMore}
            loading={feed.loadingMore}
            onMore={feed.loadMore}
            what="songs"
            endText="That is all the history there is."
          />
        )}
      </section>
    </>
  );
}
