import { useRef, useState } from 'preact/hooks';
import { ConfirmInline } from '../../components/ConfirmInline/ConfirmInline';
import { useWatches } from '../../hooks/use-watches';

type CopyState = 'idle' | 'copied' | 'failed';

/** The private Atom feed of the user's matches: its address with a copy button, and a new address on demand. */
export function FeedLink() {
  const { feedUrl, renewFeed } = useWatches();
  const field = useRef<HTMLInputElement>(null);
  const [copy, setCopy] = useState<CopyState>('idle');
  const [confirming, setConfirming] = useState(false);
  const [renewed, setRenewed] = useState(false);

  const copyUrl = async () => {
    if (feedUrl === null) return;
    try {
      await navigator.clipboard.writeText(feedUrl);
      setCopy('copied');
    } catch {
      // No clipboard access (an insecure origin, a denied permission): select it for the user.
      field.current?.select();
      setCopy('failed');
    }
  };

  return (
    <>
      <p>Every match of your watches, for a feed reader. The address is private: anyone who has it can read the feed, no sign-in needed.</p>
      {feedUrl === null ? (
        <p class="text-body-secondary">Your feed’s address appears here once you watch something.</p>
      ) : (
        <>
          <label class="form-label" for="watch-feed-url">
            Your feed’s address
          </label>
          <input id="watch-feed-url" ref={field} class="form-control font-monospace small" readOnly value={feedUrl} />
          <div class="d-flex flex-wrap align-items-center gap-2 mt-2">
            <button type="button" class="btn btn-outline-dark btn-sm" onClick={() => void copyUrl()}>
              Copy
            </button>
            <button
              type="button"
              class="btn btn-outline-danger btn-sm"
              aria-expanded={confirming}
              onClick={() => {
                setConfirming(true);
                setRenewed(false);
              }}
            >
              New link
            </button>
            <span class="small text-body-secondary" role="status">
              {copy === 'copied'
                ? 'Copied.'
                : copy === 'failed'
                  ? 'Selected: press Ctrl+C to copy.'
                  : renewed
                    ? 'New link made; the old one no longer works.'
                    : ''}
            </span>
          </div>
          {confirming && (
            <ConfirmInline
              heading="Make a new feed link"
              text="The current address stops working at once: feed readers using it must be given the new one."
              confirmLabel="Make a new link"
              onConfirm={async () => {
                await renewFeed();
                setConfirming(false);
                setCopy('idle');
                setRenewed(true);
                field.current?.focus();
              }}
              onCancel={() => setConfirming(false)}
            />
          )}
        </>
      )}
    </>
  );
}
