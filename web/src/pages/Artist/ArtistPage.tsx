import { useRoute } from 'preact-iso';
import { useCallback, useMemo } from 'preact/hooks';
import type { ArtistDetail } from '../../api/types';
import { AiringsSection } from '../../components/AiringsSection/AiringsSection';
import { PlaysCharts, type StatsLoader } from '../../components/SongStats/PlaysCharts';
import { SongTitleLink } from '../../components/SongTitle/SongTitle';
import { WatchButton } from '../../components/WatchButton/WatchButton';
import { describeWatch } from '../../watches/watch-targets';
import { ResourceStatus } from '../../components/ResourceStatus/ResourceStatus';
import { idFromParam } from '../../catalog/urls';
import { useApi } from '../../hooks/use-api';
import { useBookmarkToggle } from '../../hooks/use-bookmark-toggle';
import { useChannels } from '../../hooks/use-channels';
import { useDateTimeFormat } from '../../hooks/use-date-time-format';
import { useDocumentTitle } from '../../hooks/use-document-title';
import { useHistoryFeed } from '../../hooks/use-history-feed';
import { useResource } from '../../hooks/use-resource';
import { listenerTimeZone } from '../../time/zones';
import { NotFoundPage } from '../NotFound/NotFoundPage';
import { countOf, playsText } from '../../catalog/counts';

function ArtistSongs({ artist }: { artist: ArtistDetail }) {
  const formatDateTime = useDateTimeFormat();
  if (artist.songs.length === 0) return <p class="text-body-secondary empty-state">No songs recorded.</p>;
  return (
    <ol class="list-group artist-songs" aria-label={`Songs by ${artist.name}, most played first`}>
      {artist.songs.map((song) => (
        <li key={song.id} class="list-group-item d-flex flex-wrap align-items-center gap-2" data-id={song.id}>
          <div class="flex-grow-1 min-w-0">
            <div class="fw-semibold text-break song-title">
              <SongTitleLink songId={song.id} title={song.track || song.title} />
            </div>
            {song.last_played_at && (
              <div class="small text-body-secondary">
                last <time dateTime={song.last_played_at}>{formatDateTime(song.last_played_at)}</time>
              </div>
            )}
          </div>
          <span class="badge text-bg-light border song-plays">{playsText(song.plays)}</span>
          <WatchButton draft={{ kind: 'song', song_id: song.id }} what={song.title} />
        </li>
      ))}
    </ol>
  );
}

/** Every airing of the artist's songs, under every spelling; mounted once the artist is known, so an unknown one asks nothing. */
function ArtistAirings({ artist }: { artist: ArtistDetail }) {
  const { state: channelsState } = useChannels();
  const channels = channelsState.status === 'ready' ? channelsState.channels : [];
  const airings = useHistoryFeed({ artistId: artist.id });
  const bookmarks = useBookmarkToggle(airings.setBookmark);
  return (
    <AiringsSection
      airings={airings}
      channels={channels}
      bookmarking={bookmarks}
      headingId="artist-airings-heading"
      label={`Airings by ${artist.name}, newest first`}
      class="mt-4"
    />
  );
}

function ArtistContent({ artistId }: { artistId: number }) {
  const api = useApi();
  const load = useCallback((signal: AbortSignal) => api.getArtist(artistId, signal), [api, artistId]);
  const { state, retry } = useResource<ArtistDetail>(load);
  const zone = useMemo(() => listenerTimeZone(), []);
  const loadStats = useCallback<StatsLoader>((options, signal) => api.getArtistStats(artistId, options, signal), [api, artistId]);
  useDocumentTitle(state.status === 'ready' ? state.value.name : state.status === 'missing' ? 'Artist not found' : 'Artist');

  if (state.status === 'missing') return <NotFoundPage what="artist" />;
  if (state.status !== 'ready')
    return <ResourceStatus state={state} retry={retry} loading="Loading the artist…" failed="The artist could not be loaded." />;
  const artist = state.value;
  const songs = artist.songs.length;
  return (
    <section aria-labelledby="artist-heading">
      <div class="d-flex flex-wrap align-items-start justify-content-between gap-2 mb-1">
        <h1 id="artist-heading" class="h4 text-break mb-0">
          {artist.name}
        </h1>
        <WatchButton draft={{ kind: 'artist', value: artist.name }} what={describeWatch({ kind: 'artist', value: artist.name })} withText />
      </div>
      <p class="text-body-secondary artist-summary">
        {countOf(songs, 'song')}, {playsText(artist.plays)}
      </p>
      <PlaysCharts load={loadStats} zone={zone} headingId="artist-charts-heading" periodId="artist-stats-period" />
      <section aria-labelledby="artist-songs-heading">
        <h2 id="artist-songs-heading" class="h5 mb-3">
          Songs
        </h2>
        <ArtistSongs artist={artist} />
      </section>
      <ArtistAirings artist={artist} />
    </section>
  );
}

export function ArtistPage() {
  const { params } = useRoute();
  const artistId = idFromParam(params.id);
  if (artistId === null) return <NotFoundPage what="artist" />;
  return <ArtistContent key={artistId} artistId={artistId} />;
}
