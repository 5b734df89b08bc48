import { Spinner } from '../Spinner/Spinner';

interface MoreButtonProps {
  hasMore: boolean;
  loading: boolean;
  onMore: () => void;
  /** What the list holds, for the button's accessible name ("More songs"). */
  what: string;
  endText: string;
}

/** Loads the next, older page; says so when there is none. */
export function MoreButton({ hasMore, loading, onMore, what, endText }: MoreButtonProps) {
  if (!hasMore) return <p class="text-body-secondary text-center small my-3">{endText}</p>;
  return (
    <div class="d-flex justify-content-center my-3">
      <button
        type="button"
        class="btn btn-outline-dark"
        onClick={onMore}
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
