import type { Identified } from '../../lists/paged-list';
import type { PagedListState } from '../../hooks/use-paged-list';
import { Spinner } from '../Spinner/Spinner';

interface MoreButtonProps {
  /** The paged list the button extends. */
  pages: Pick<PagedListState<Identified>, 'list' | 'loadingMore' | 'loadMore'>;
  /** What the list holds, for the button's accessible name ("More songs"). */
  what: string;
  endText: string;
}

/** Loads the next, older page; says so when there is none. */
export function MoreButton({ pages, what, endText }: MoreButtonProps) {
  if (!pages.list.hasMore) return <p class="text-body-secondary text-center small my-3">{endText}</p>;
  const loading = pages.loadingMore;
  return (
    <div class="d-flex justify-content-center my-3">
      <button
        type="button"
        class="btn btn-outline-dark"
        onClick={pages.loadMore}
        disabled={loading}
        aria-label={`More ${what}`}
        aria-busy={loading}
      >
        {loading ? <Spinner small label={`Loading more ${what}…`} /> : null}
        <span class={loading ? 'ms-2' : ''}>More</span>
      </button>
    </div>
  );
}
