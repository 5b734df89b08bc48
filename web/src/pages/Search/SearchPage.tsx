import { useLocation } from 'preact-iso';
import { useCallback, useMemo } from 'preact/hooks';
import type { ArtistSummary, Channel, SongSummary } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert/ErrorAlert';
import { HistoryList } from '../../components/HistoryList/HistoryList';
import { MoreButton } from '../../components/MoreButton/MoreButton';
import { SongTitleLink } from '../../components/SongTitle/SongTitle';
import { WatchButton } from '../../components/WatchButton/WatchButton';
import { describeWatch } from '../../watches/watch-targets';
import { LoadingBlock } from '../../components/Spinner/Spinner';
import { SEARCH_PARAM, artistUrl, searchFeedUrl, searchFiltersFromQuery, searchUrl, type SearchFilters } from '../../catalog/urls';
import { useApi } from '../../hooks/use-api';
import { useBookmarkToggle } from '../../hooks/use-bookmark-toggle';
import { useChannels } from '../../hooks/use-channels';
import { useDateTimeFormat } from '../../hooks/use-date-time-format';
import { useDocumentTitle } from '../../hooks/use-document-title';
import { useHistoryFeed } from '../../hooks/use-history-feed';
import { useResource, type ResourceState } from '../../hooks/use-resource';
import { messageOf } from '../../hooks/use-toasts';
import { countOf, playsText } from '../../catalog/counts';
import { daysOfTimes, isBackwards } from '../../time/days';
import { listenerTimeZone } from '../../time/zones';
import { isKnownChannel } from '../History/selected-channel';
import { useFeedLink } from '../Song/use-feed-link';
import { AiringFilters, narrowedText, nothingPlayedText } from './AiringFilters';

/** How many matching songs the page lists above the airings. */
export const SONG_MATCHES = 20;
/** How many matching artists the page lists above the songs: a name is a strong hint, not a list to read. */
export const ARTIST_MATCHES = 5;

/** Artists whose name has the words, most relevant first; nothing at all when none has them, since
 * most searches are for a title and the songs below say when nothing matched. */
function ArtistMatches({ state, retry }: { state: ResourceState<ArtistSummary[]>; retry: () => void }) {
  let matches = null;
  if (state.status === 'error')
    matches = <ErrorAlert message={`The artists could not be searched. ${messageOf(state.error)}`} onRetry={retry} />;
  else if (state.status === 'ready' && state.value.length > 0)
    matches = (
      <ol class="list-group artist-matches" aria-label="Matching artists">
        {state.value.map((artist) => (
          <li key={artist.id} class="list-group-item d-flex align-items-center gap-2" data-id={artist.id}>
            <div class="flex-grow-1 min-w-0">
              <div class="fw-semibold text-break artist-name">
                <a class="song-link" href={artistUrl(artist.id)}>
                  {artist.name}
                </a>
              </div>
              <div class="small text-body-secondary">
                {countOf(artist.songs, 'song')}, {playsText(artist.plays)}
              </div>
            </div>
            <WatchButton draft={{ kind: 'artist', value: artist.name }} what={describeWatch({ kind: 'artist', value: artist.name })} />
          </li>
        ))}
      </ol>
    );
  if (matches === null) return null;
  return (
    <section aria-labelledby="artists-heading" class="mb-4">
      <h2 id="artists-heading" class="h5 mb-3">
        Artists
      </h2>
      {matches}
    </section>
  );
}

function SongMatches({ state, retry }: { state: ResourceState<SongSummary[]>; retry: () => void }) {
  const formatDateTime = useDateTimeFormat();
  if (state.status === 'loading') return <LoadingBlock label="Searching songs…" />;
  if (state.status === 'error')
    return <ErrorAlert message={`The songs could not be searched. ${messageOf(state.error)}`} onRetry={retry} />;
  if (state.status !== 'ready') return null;
  if (state.value.length === 0) return <p class="text-body-secondary empty-state">No song title has these words.</p>;
  return (
    <ol class="list-group song-matches" aria-label="Matching songs">
      {state.value.map((song) => (
        <li key={song.id} class="list-group-item d-flex align-items-center gap-2" data-id={song.id}>
          <div class="flex-grow-1 min-w-0">
            <div class="fw-semibold text-break song-title">
              <SongTitleLink songId={song.id} title={song.title} />
            </div>
            <div class="small text-body-secondary">
              {playsText(song.plays)}
              {song.last_played_at && (
                <>
                  {' · last '}
                  <time dateTime={song.last_played_at}>{formatDateTime(song.last_played_at)}</time>
                </>
              )}
            </div>
          </div>
          <WatchButton draft={{ kind: 'song', song_id: song.id }} what={song.title} />
        </li>
      ))}
    </ol>
  );
}

interface AiringMatchesProps {
  q: string;
  filters: SearchFilters;
  /** null while the channels load. */
  channels: readonly Channel[] | null;
  /** The name of the channel the airings are narrowed to, null for every channel. */
  channelName: string | null;
  zone: string;
  onNarrow: (change: Partial<SearchFilters>) => void;
}

/** The airings with the words, newest first, narrowed to a channel and days when the listener asks. */
function AiringMatches({ q, filters, channels, channelName, zone, onNarrow }: AiringMatchesProps) {
  const backwards = isBackwards(filters);
  // A range that ends before it starts holds nothing, and the API would refuse it: not asked.
  const airings = useHistoryFeed({ q, ...filters }, !backwards);
  const bookmarks = useBookmarkToggle(airings.setBookmark);
  const days = daysOfTimes(filters, zone);
  const narrowed = backwards ? null : narrowedText(channelName, days);
  return (
    <section aria-labelledby="airings-heading">
      <h2 id="airings-heading" class="h5 mb-3">
        Airings
      </h2>
      <AiringFilters channels={channels} filters={filters} days={days} zone={zone} backwards={backwards} onChange={onNarrow} />
      {narrowed && <p class="small text-body-secondary airings-narrowed">{narrowed}</p>}
      {airings.status === 'error' && <ErrorAlert message="The airings could not be searched." onRetry={airings.retry} />}
      {airings.items.length > 0 && (
        <HistoryList items={airings.items} channels={channels ?? []} bookmarking={bookmarks} label="Matching airings, newest first" />
      )}
      {airings.status === 'loading' && <LoadingBlock label="Searching airings…" />}
      {airings.status === 'ready' && airings.items.length === 0 && (
        <p class="text-body-secondary empty-state">{nothingPlayedText(channelName, days)}</p>
      )}
      {airings.status === 'ready' && airings.items.length > 0 && (
        <MoreButton pages={airings} what="airings" endText="That is every matching airing." />
      )}
    </section>
  );
}

export function SearchPage() {
  const { query, route } = useLocation();
  const q = (query[SEARCH_PARAM] ?? '').trim();
  const api = useApi();
  const zone = useMemo(() => listenerTimeZone(), []);
  const { state: channelsState } = useChannels();
  const channels = channelsState.status === 'ready' ? channelsState.channels : null;
  const asked = searchFiltersFromQuery(query);
  // A channel that is not (or no longer) there narrows nothing.
  const filters = isKnownChannel(asked.channelId, channels) ? asked : { ...asked, channelId: null };
  const channelName =
    filters.channelId === null
      ? null
      : (channels?.find((channel) => channel.id === filters.channelId)?.name ?? `channel ${filters.channelId}`);
  const loadSongs = useCallback((signal: AbortSignal) => api.getSongs({ q, limit: SONG_MATCHES }, signal), [api, q]);
  const songs = useResource(q === '' ? null : loadSongs);
  const loadArtists = useCallback((signal: AbortSignal) => api.getArtists({ q, limit: ARTIST_MATCHES }, signal), [api, q]);
  const artists = useResource(q === '' ? null : loadArtists);
  useDocumentTitle(q === '' ? 'Search' : `Search: ${q}`);
  useFeedLink(
    q === '' ? null : searchFeedUrl(q, filters.channelId),
    `Airings matching “${q}”${channelName === null ? '' : ` on ${channelName}`} (Atom)`,
  );

  return (
    <>
      <div class="d-flex flex-wrap align-items-start justify-content-between gap-2 mb-3">
        <h1 class="h4 mb-0">{q === '' ? 'Search' : `Results for “${q}”`}</h1>
        {q !== '' && <WatchButton draft={{ kind: 'text', value: q }} what={describeWatch({ kind: 'text', value: q })} withText />}
      </div>
      {q === '' && (
        <p class="text-body-secondary empty-state">
          Type a few words of a title in the search box above: <em>sigur ros hopp</em> finds “Sigur Rós - Hoppípolla”.
        </p>
      )}
      {q !== '' && (
        <>
          <ArtistMatches state={artists.state} retry={artists.retry} />
          <section aria-labelledby="songs-heading" class="mb-4">
            <h2 id="songs-heading" class="h5 mb-3">
              Songs
            </h2>
            <SongMatches state={songs.state} retry={songs.retry} />
          </section>
          <AiringMatches
            q={q}
            filters={filters}
            channels={channels}
            channelName={channelName}
            zone={zone}
            // Narrowing refines this search: the address follows, without a step of Back per click.
            onNarrow={(change) => route(searchUrl(q, { ...filters, ...change }), true)}
          />
        </>
      )}
    </>
  );
}
