import { useLocation } from 'preact-iso';
import { useCallback, useEffect, useState } from 'preact/hooks';
import { ChannelFilter } from '../../components/ChannelFilter/ChannelFilter';
import { EmbedSnippet } from '../../components/EmbedSnippet/EmbedSnippet';
import { ErrorAlert } from '../../components/ErrorAlert/ErrorAlert';
import { HistoryList } from '../../components/HistoryList/HistoryList';
import { LiveSwitch } from '../../components/LiveSwitch/LiveSwitch';
import { MoreButton } from '../../components/MoreButton/MoreButton';
import { NowPlayingCards } from '../../components/NowPlayingCards/NowPlayingCards';
import { LoadingBlock } from '../../components/Spinner/Spinner';
import { useBookmarkToggle } from '../../hooks/use-bookmark-toggle';
import { useReadAgainWhenLive, useChannelStatuses } from '../../hooks/use-channel-statuses';
import { useChannels } from '../../hooks/use-channels';
import { useHistoryFeed } from '../../hooks/use-history-feed';
import { useLiveMerge } from '../../hooks/use-live-merge';
import { useNowPlaying } from '../../hooks/use-now-playing';
import { CHANNEL_PARAM, channelFromQuery, historyUrl, isKnownChannel } from './selected-channel';
import { useDocumentTitle } from '../../hooks/use-document-title';
import { useFeedLink } from '../Song/use-feed-link';

export function HistoryPage() {
  const { query, route } = useLocation();
  const { state: channelsState, retry: retryChannels, remove: removeChannel, add: addChannel } = useChannels();
  const channels = channelsState.status === 'ready' ? channelsState.channels : null;
  const selected = channelFromQuery(query[CHANNEL_PARAM] ?? null);

  // A filter for a channel that does not exist shows everything instead.
  useEffect(() => {
    if (!isKnownChannel(selected, channels)) route(historyUrl(null), true);
  }, [selected, channels, route]);

  const feed = useHistoryFeed({ channelId: selected, gaps: true });
  const nowPlaying = useNowPlaying(channels);

  const { setBookmark: setListBookmark } = feed;
  const { setBookmark: setCardBookmark } = nowPlaying;
  const onBookmarkChange = useCallback(
    (songId: number, bookmarkId: number) => {
      setListBookmark(songId, bookmarkId);
      setCardBookmark(songId, bookmarkId);
    },
    [setListBookmark, setCardBookmark],
  );
  const bookmarks = useBookmarkToggle(onBookmarkChange);

  const [liveEnabled, setLiveEnabled] = useState(true);
  const statuses = useChannelStatuses(channels);
  const liveStatus = useLiveMerge(liveEnabled, { feed, nowPlaying, statuses, channels: { remove: removeChannel, add: addChannel } });
  useReadAgainWhenLive(liveStatus, statuses.resync, channels);

  const selectedName = channels?.find((channel) => channel.id === selected)?.name;
  useDocumentTitle(selectedName ? `History of ${selectedName}` : null);
  useFeedLink(selected !== null && selectedName ? `/channels/${selected}/feed.atom` : null, `What ${selectedName ?? ''} played (Atom)`);

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
          bookmarking={bookmarks}
          liveStatuses={statuses.live}
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
            <ChannelFilter channels={channels} selected={selected} onSelect={(id) => route(historyUrl(id))} />
          </div>
        )}
        {selected !== null && selectedName && <EmbedSnippet channelId={selected} channelName={selectedName} />}

        {feed.status === 'error' && <ErrorAlert message="The history could not be loaded." onRetry={feed.retry} />}
        {(feed.items.length > 0 || feed.gaps.length > 0) && (
          <HistoryList items={feed.items} gaps={feed.gaps} liveIds={feed.list.addedIds} channels={channels ?? []} bookmarking={bookmarks} />
        )}
        {feed.status === 'loading' && <LoadingBlock label="Loading history…" />}
        {feed.status === 'ready' && feed.items.length === 0 && (
          <p class="text-body-secondary empty-state">No songs recorded{selectedName ? ` on ${selectedName}` : ''} yet.</p>
        )}
        {feed.status === 'ready' && feed.items.length > 0 && (
          <MoreButton pages={feed} what="songs" endText="That is all the history there is." />
        )}
      </section>
    </>
  );
}
