import { Icon } from '../Icon/Icon';

export const SIGN_IN_TO_BOOKMARK = 'Sign in to bookmark songs';

interface BookmarkButtonProps {
  title: string;
  bookmarked: boolean;
  signedIn: boolean;
  pending: boolean;
  onToggle: () => void;
}

/**
 * The heart. Signed out it stays focusable but inert (aria-disabled), so its
 * tooltip can still tell why; a natively disabled button would hide that.
 */
export function BookmarkButton({ title, bookmarked, signedIn, pending, onToggle }: BookmarkButtonProps) {
  const inert = !signedIn || pending;
  const label = !signedIn
    ? `Bookmark ${title} (${SIGN_IN_TO_BOOKMARK.toLowerCase()})`
    : bookmarked
      ? `Remove bookmark: ${title}`
      : `Bookmark ${title}`;
  return (
    <button
      type="button"
      class={`btn btn-sm btn-link bookmark-button${bookmarked ? ' is-bookmarked' : ''}${inert ? ' is-inert' : ''}`}
      aria-pressed={bookmarked}
      aria-disabled={inert}
      aria-busy={pending}
      aria-label={label}
      title={signedIn ? (bookmarked ? 'Remove bookmark' : 'Bookmark') : SIGN_IN_TO_BOOKMARK}
      onClick={() => {
        if (!inert) onToggle();
      }}
    >
      <Icon name={bookmarked ? 'heartFill' : 'heart'} />
    </button>
  );
}
