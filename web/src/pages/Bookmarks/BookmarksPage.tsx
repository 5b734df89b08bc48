import { useApi } from '../../hooks/use-api';
import { ErrorAlert } from '../../components/ErrorAlert/ErrorAlert';
import { Icon } from '../../components/Icon/Icon';
import { MoreButton } from '../../components/MoreButton/MoreButton';
import { SongLinks } from '../../components/SongLinks/SongLinks';
import { SongTitleLink } from '../../components/SongTitle/SongTitle';
import { LoadingBlock, Spinner } from '../../components/Spinner/Spinner';
import { useBookmarks } from '../../hooks/use-bookmarks';
import { useSession } from '../../hooks/use-session';
import { useDateTimeFormat } from '../../hooks/use-date-time-format';
import { useDocumentTitle } from '../../hooks/use-document-title';

function SignInPrompt() {
  const api = useApi();
  return (
    <div class="card text-center signed-out-state">
      <div class="card-body py-5">
        <p class="card-text">Sign in to keep the songs you like and find them here later.</p>
        <a class="btn btn-dark" href={api.signInUrl()}>
          <Icon name="signIn" class="me-1" />
          Sign in with Google
        </a>
      </div>
    </div>
  );
}

function EmptyState() {
  return (
    <div class="text-center text-body-secondary py-5 empty-state">
      <p class="mb-1">No bookmarks yet.</p>
      <p>
        Tap the heart next to a song on the <a href="/">History</a> page to keep it here.
      </p>
    </div>
  );
}

export function BookmarksPage() {
  const session = useSession();
  const formatDateTime = useDateTimeFormat();
  const state = useBookmarks(session.status === 'signed-in');
  useDocumentTitle('Bookmarks');

  return (
    <section aria-labelledby="bookmarks-heading">
      <h1 id="bookmarks-heading" class="h4 mb-3">
        Bookmarks
      </h1>
      {session.status === 'loading' && <LoadingBlock label="Checking who is signed in…" />}
      {session.status === 'signed-out' && <SignInPrompt />}
      {session.status === 'signed-in' && (
        <>
          {(state.status === 'loading' || state.status === 'idle') && <LoadingBlock label="Loading bookmarks…" />}
          {state.status === 'error' && <ErrorAlert message="Your bookmarks could not be loaded." onRetry={state.retry} />}
          {state.status === 'ready' && state.items.length === 0 && <EmptyState />}
          {state.status === 'ready' && state.items.length > 0 && (
            <>
              <ol class="list-group bookmark-list" aria-label="Your bookmarks, newest first">
                {state.items.map((bookmark) => {
                  const removing = state.removing.has(bookmark.id);
                  return (
                    <li key={bookmark.id} class="list-group-item" data-id={bookmark.id}>
                      <div class="d-flex flex-wrap align-items-center gap-2">
                        <div class="flex-grow-1 min-w-0">
                          <div class="fw-semibold text-break song-title">
                            <SongTitleLink songId={bookmark.song_id} title={bookmark.song_title} />
                          </div>
                          <div class="small text-body-secondary">
                            Saved <time dateTime={bookmark.created_at}>{formatDateTime(bookmark.created_at)}</time>
                          </div>
                        </div>
                        <div class="d-flex align-items-center flex-shrink-0 ms-auto">
                          <SongLinks title={bookmark.song_title} />
                          <button
                            type="button"
                            class="btn btn-sm btn-link link-danger remove-bookmark"
                            aria-label={`Remove bookmark: ${bookmark.song_title}`}
                            title="Remove bookmark"
                            disabled={removing}
                            onClick={() => state.remove(bookmark.id)}
                          >
                            {removing ? <Spinner small label="Removing…" /> : <Icon name="trash" />}
                          </button>
                        </div>
                      </div>
                    </li>
                  );
                })}
              </ol>
              <MoreButton pages={state} what="bookmarks" endText="That is all your bookmarks." />
            </>
          )}
        </>
      )}
    </section>
  );
}
