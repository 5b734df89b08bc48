import type { Channel, HistoryItem } from '../../api/types';
import type { SongBookmarking } from '../../hooks/use-bookmark-toggle';
import type { PagedListState } from '../../hooks/use-paged-list';
import { ErrorAlert } from '../ErrorAlert/ErrorAlert';
import { HistoryList } from '../HistoryList/HistoryList';
import { MoreButton } from '../MoreButton/MoreButton';
import { LoadingBlock } from '../Spinner/Spinner';

interface AiringsSectionProps {
  /** The airings, paged (a song's or an artist's history feed). */
  airings: PagedListState<HistoryItem>;
  channels: readonly Channel[];
  bookmarking: SongBookmarking;
  /** The id of the section's heading, which names it. */
  headingId: string;
  /** The list's accessible name ("Airings of this song, newest first"). */
  label: string;
  class?: string;
}

/** "Every airing": a song's or an artist's airings, newest first, each title linked to its song, with More until there are none. */
export function AiringsSection({ airings, channels, bookmarking, headingId, label, class: className }: AiringsSectionProps) {
  return (
    <section aria-labelledby={headingId} class={className}>
      <h2 id={headingId} class="h5 mb-3">
        Every airing
      </h2>
      {airings.status === 'error' && <ErrorAlert message="The airings could not be loaded." onRetry={airings.retry} />}
      {airings.items.length > 0 && <HistoryList items={airings.items} channels={channels} bookmarking={bookmarking} label={label} />}
      {airings.status === 'loading' && <LoadingBlock label="Loading the airings…" />}
      {airings.status === 'ready' && airings.items.length === 0 && <p class="text-body-secondary empty-state">Not aired yet.</p>}
      {airings.status === 'ready' && airings.items.length > 0 && (
        <MoreButton pages={airings} what="airings" endText="That is every airing." />
      )}
    </section>
  );
}
