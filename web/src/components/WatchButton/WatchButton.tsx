import type { WatchDraft } from '../../api/types';
import { useWatches } from '../../hooks/use-watches';
import { targetKey } from '../../watches/watch-targets';
import { Icon } from '../Icon/Icon';

export const SIGN_IN_TO_WATCH = 'Sign in to get notified';

interface WatchButtonProps {
  /** What to watch. */
  draft: WatchDraft;
  /** What it is, for the button's name: a song's title, "songs by Air", "titles with “love”". */
  what: string;
  /** Shows "Notify me" beside the bell (headers); the bell alone in rows and cards. */
  withText?: boolean;
}

/**
 * The bell: watches a song, an artist or words ("tell me when it plays again"). Like the heart,
 * signed out it stays focusable but inert (aria-disabled) so its tooltip can say why.
 * Its name stays the same; aria-pressed says whether the watch is on.
 */
export function WatchButton({ draft, what, withText = false }: WatchButtonProps) {
  const watches = useWatches();
  const watching = watches.find(draft) !== undefined;
  const pending = watches.pending.has(targetKey(draft));
  const inert = !watches.signedIn || pending;
  const label = watches.signedIn ? `Notify me about ${what}` : `Notify me about ${what} (${SIGN_IN_TO_WATCH.toLowerCase()})`;
  return (
    <button
      type="button"
      class={`btn btn-sm ${withText ? 'btn-outline-secondary' : 'btn-link'} watch-button${watching ? ' is-watching' : ''}${inert ? ' is-inert' : ''}`}
      aria-pressed={watching}
      aria-disabled={inert}
      aria-busy={pending}
      aria-label={label}
      title={watches.signedIn ? (watching ? 'Notifying you: press to stop' : 'Notify me when it plays') : SIGN_IN_TO_WATCH}
      onClick={() => {
        if (!inert) watches.toggle(draft);
      }}
    >
      <Icon name={watching ? 'bellFill' : 'bell'} class={withText ? 'me-1' : undefined} />
      {withText && 'Notify me'}
    </button>
  );
}
