import { useRoute } from 'preact-iso';
import { useCallback, useMemo } from 'preact/hooks';
import type { Channel, HistoryItem, SongDetail } from '../../api/types';
import { AiringsSection } from '../../components/AiringsSection/AiringsSection';
import { SongActions } from '../../components/SongActions/SongActions';
import { PlaysCharts, type StatsLoader } from '../../components/SongStats/PlaysCharts';
import { ResourceStatus } from '../../components/ResourceStatus/ResourceStatus';
import { artistUrl, idFromParam } from '../../catalog/urls';
import { useApi } from '../../hooks/use-api';
import { useBookmarkToggle, type SongBookmarking } from '../../hooks/use-bookmark-toggle';
import { useChannels } from '../../hooks/use-channels';
import { useDateTimeFormat } from '../../hooks/use-date-time-format';
import { useDocumentTitle } from '../../hooks/use-document-title';
import { useHistoryFeed } from '../../hooks/use-history-feed';
import { useResource } from '../../hooks/use-resource';
import { listenerTimeZone } from '../../time/zones';
import { NotFoundPage } from '../NotFound/NotFoundPage';
import { playsText } from '../../catalog/counts';
import { useFeedLink } from './use-feed-link';

/** The song as an item the heart understands; its bookmark is the one the newest airing carries. */
function songAsItem(song: SongDetail, newest: HistoryItem | undefined): HistoryItem {
  return newest ?? { id: 0, created_at: '', song_id: song.id, song_title: song.title, channel_id: 0, bookmark_id: 0 };
}

function SongFacts({ song, channels }: { song: SongDetail; channels: readonly Channel[] }) {
  const formatDateTime = useDateTimeFormat();
  const names = new Map(channels.map((channel) => [channel.id, channel.name]));
  return (
    <dl class="row mb-0 song-facts">
      <dt class="col-5 col-sm-3">Plays</dt>
      <dd class="col-7 col-sm-9">{song.plays}</dd>
      <dt class="col-5 col-sm-3">First aired</dt>
      <dd class="col-7 col-sm-9">
        {song.first_played_at ? <time dateTime={song.first_played_at}>{formatDateTime(song.first_played_at)}</time> : 'never'}
      </dd>
      <dt class="col-5 col-sm-3">Last aired</dt>
      <dd class="col-7 col-sm-9">
        {song.last_played_at ? <time dateTime={song.last_played_at}>{formatDateTime(song.last_played_at)}</time> : 'never'}
      </dd>
      {song.channels.length > 0 && (
        <>
          <dt class="col-5 col-sm-3">By channel</dt>
          <dd class="col-7 col-sm-9">
            <ul class="list-unstyled mb-0">
              {song.channels.map((channel) => (
                <li key={channel.channel_id}>
                  <span class={`channel-dot channel-${names.get(channel.channel_id) ?? ''}`} aria-hidden="true" />
                  {names.get(channel.channel_id) ?? `channel ${channel.channel_id}`}: {playsText(channel.plays)}
                </li>
              ))}
            </ul>
          </dd>
        </>
      )}
    </dl>
  );
}

function SongHeader({ song, item, bookmarking }: { song: SongDetail; item: HistoryItem; bookmarking: SongBookmarking }) {
  return (
    <div class="d-flex flex-wrap align-items-start gap-2 mb-3">
      <div class="flex-grow-1 min-w-0">
        <h1 id="song-heading" class="h4 text-break mb-1">
          {song.title}
        </h1>
        {song.artist_id !== null && song.artist !== '' && (
          <p class="mb-0">
            by <a href={artistUrl(song.artist_id)}>{song.artist}</a>
          </p>
        )}
      </div>
      <SongActions item={item} bookmarking={bookmarking} class="d-flex align-items-center flex-shrink-0" />
    </div>
  );
}

function SongContent({ songId }: { songId: number }) {
  const api = useApi();
  const zone = useMemo(() => listenerTimeZone(), []);
  const load = useCallback((signal: AbortSignal) => api.getSong(songId, signal), [api, songId]);
  const { state, retry } = useResource<SongDetail>(load);
  const loadStats = useCallback<StatsLoader>((options, signal) => api.getSongStats(songId, options, signal), [api, songId]);
  const { state: channelsState } = useChannels();
  const channels = channelsState.status === 'ready' ? channelsState.channels : [];
  const airings = useHistoryFeed({ songId });
  const bookmarks = useBookmarkToggle(airings.setBookmark);
  useDocumentTitle(state.status === 'ready' ? state.value.title : state.status === 'missing' ? 'Song not found' : 'Song');
  useFeedLink(state.status === 'missing' ? null : `/songs/${songId}/feed.atom`, 'Airings of this song (Atom)');

  if (state.status === 'missing') return <NotFoundPage what="song" />;
  if (state.status !== 'ready')
    return <ResourceStatus state={state} retry={retry} loading="Loading the song…" failed="The song could not be loaded." />;
  const song = state.value;
  return (
    <article aria-labelledby="song-heading">
      <SongHeader song={song} item={songAsItem(song, airings.items[0])} bookmarking={bookmarks} />
      <section class="mb-4" aria-label="Plays">
        <SongFacts song={song} channels={channels} />
      </section>
      <PlaysCharts load={loadStats} zone={zone} headingId="song-charts-heading" periodId="stats-period" />
      <AiringsSection
        airings={airings}
        channels={channels}
        bookmarking={bookmarks}
        headingId="song-airings-heading"
        label="Airings of this song, newest first"
      />
    </article>
  );
}

export function SongPage() {
  const { params } = useRoute();
  const songId = idFromParam(params.id);
  if (songId === null) return <NotFoundPage what="song" />;
  return <SongContent key={songId} songId={songId} />;
}
