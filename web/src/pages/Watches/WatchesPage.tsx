import { useEffect, useState } from 'preact/hooks';
import type { Channel, Watch } from '../../api/types';
import { ConfirmInline } from '../../components/ConfirmInline/ConfirmInline';
import { ErrorAlert } from '../../components/ErrorAlert/ErrorAlert';
import { Icon } from '../../components/Icon/Icon';
import { SongTitleLink } from '../../components/SongTitle/SongTitle';
import { LoadingBlock } from '../../components/Spinner/Spinner';
import { useApi } from '../../hooks/use-api';
import { useChannels } from '../../hooks/use-channels';
import { useDateTimeFormat } from '../../hooks/use-date-time-format';
import { useDocumentTitle } from '../../hooks/use-document-title';
import { useSession } from '../../hooks/use-session';
import { useWatches } from '../../hooks/use-watches';
import { describeWatch, WATCH_KIND_NAMES } from '../../watches/watch-targets';
import { FeedLink } from './FeedLink';
import { HeartDelaySetting } from './HeartDelaySetting';
import { PushSwitch } from './PushSwitch';

function SignInPrompt() {
  const api = useApi();
  return (
    <div class="card text-center signed-out-state">
      <div class="card-body py-5">
        <p class="card-text">Sign in to be told when a song, an artist or words you follow play again.</p>
        <a class="btn btn-dark" href={api.signInUrl()}>
          <Icon name="signIn" class="me-1" />
          Sign in with Google
        </a>
      </div>
    </div>
  );
}

const LIST_HEADING_ID = 'watch-list-heading';

function WatchRow({ watch, channels }: { watch: Watch; channels: readonly Channel[] }) {
  const { remove } = useWatches();
  const formatDateTime = useDateTimeFormat();
  const [confirming, setConfirming] = useState(false);
  const channel =
    watch.channel_id === null
      ? 'Any channel'
      : (channels.find((known) => known.id === watch.channel_id)?.name ?? `Channel ${watch.channel_id}`);
  const what = describeWatch(watch);
  return (
    <li class="list-group-item watch-row" data-id={watch.id}>
      <div class="d-flex flex-wrap align-items-center gap-2">
        <span class="badge text-bg-light border watch-kind">{WATCH_KIND_NAMES[watch.kind]}</span>
        <div class="flex-grow-1 min-w-0">
          <div class="fw-semibold text-break watch-value">
            {watch.kind === 'song' && watch.song_id !== null ? <SongTitleLink songId={watch.song_id} title={watch.value} /> : watch.value}
          </div>
          <div class="small text-body-secondary">
            <span class="watch-channel">{channel}</span>
            {' · since '}
            <time dateTime={watch.created_at}>{formatDateTime(watch.created_at)}</time>
          </div>
        </div>
        <button
          type="button"
          class="btn btn-sm btn-outline-danger"
          aria-label={`Remove the watch: ${what}`}
          aria-expanded={confirming}
          onClick={() => setConfirming(true)}
        >
          <Icon name="trash" class="me-1" />
          Remove
        </button>
      </div>
      {confirming && (
        <ConfirmInline
          heading="Remove the watch"
          text={`Stop notifying you about ${what}? Its matches stay in your feed.`}
          confirmLabel="Remove"
          onConfirm={async () => {
            await remove(watch);
            // The row is gone with its button: focus goes to the list's heading, not to the page's start.
            document.getElementById(LIST_HEADING_ID)?.focus();
          }}
          onCancel={() => setConfirming(false)}
        />
      )}
    </li>
  );
}

function WatchList() {
  const watches = useWatches();
  const { state: channelsState } = useChannels();
  const channels = channelsState.status === 'ready' ? channelsState.channels : [];
  if (watches.status === 'loading' || watches.status === 'off') return <LoadingBlock label="Loading your watches…" />;
  if (watches.status === 'error') return <ErrorAlert message="Your watches could not be loaded." onRetry={watches.retry} />;
  if (watches.watches.length === 0)
    return (
      <div class="text-body-secondary py-3 empty-state">
        <p class="mb-1">You watch nothing yet.</p>
        <p class="mb-0">
          Press the bell <Icon name="bell" /> next to a song, on an artist’s page or above a search to be told when it plays again.
        </p>
      </div>
    );
  return (
    <ol class="list-group watch-list" aria-label="Your watches, newest first">
      {watches.watches.map((watch) => (
        <WatchRow key={watch.id} watch={watch} channels={channels} />
      ))}
    </ol>
  );
}

export function WatchesPage() {
  const session = useSession();
  const { unseen, markSeen } = useWatches();
  useDocumentTitle('Watches');

  // Being here is seeing the matches: the badge on the link clears, now and as more arrive.
  useEffect(() => {
    if (unseen > 0) markSeen();
  }, [unseen, markSeen]);

  return (
    <>
      <h1 class="h4 mb-3">Watches</h1>
      {session.status === 'loading' && <LoadingBlock label="Checking who is signed in…" />}
      {session.status === 'signed-out' && <SignInPrompt />}
      {session.status === 'signed-in' && (
        <>
          <section aria-labelledby={LIST_HEADING_ID} class="mb-4">
            <h2 id={LIST_HEADING_ID} class="h5 mb-3" tabIndex={-1}>
              What you watch
            </h2>
            <WatchList />
          </section>
          <section aria-labelledby="push-heading" class="mb-4">
            <h2 id="push-heading" class="h5 mb-3">
              Push notifications
            </h2>
            <p>A notification on this device when something you watch plays, even with the app closed.</p>
            <PushSwitch />
          </section>
          <section aria-labelledby="feed-heading" class="mb-4">
            <h2 id="feed-heading" class="h5 mb-3">
              Your private feed
            </h2>
            <FeedLink />
          </section>
          <section aria-labelledby="settings-heading" class="mb-4">
            <h2 id="settings-heading" class="h5 mb-3">
              The heart’s delay
            </h2>
            <HeartDelaySetting />
          </section>
        </>
      )}
    </>
  );
}
