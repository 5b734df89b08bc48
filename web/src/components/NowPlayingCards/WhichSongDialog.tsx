import { useEffect, useRef, useState } from 'preact/hooks';
import { isAbort } from '../../api/client';
import type { HistoryItem } from '../../api/types';
import { useApi } from '../../hooks/use-api';
import { Spinner } from '../Spinner/Spinner';

type Previous = { status: 'loading' } | { status: 'none' } | { status: 'ready'; item: HistoryItem };

interface WhichSongDialogProps {
  /** What the card shows now. */
  item: HistoryItem;
  onChoose: (item: HistoryItem) => void;
  onCancel: () => void;
}

/**
 * "This one or the one before?": asked when the heart on a now-playing card is pressed just
 * after the card changed, since the listener may still be hearing the song before.
 * Focus goes to its first choice; Escape or Cancel closes it.
 */
export function WhichSongDialog({ item, onChoose, onCancel }: WhichSongDialogProps) {
  const api = useApi();
  const [previous, setPrevious] = useState<Previous>({ status: 'loading' });
  const box = useRef<HTMLDivElement>(null);
  const headingId = `which-song-${item.channel_id}`;

  useEffect(() => {
    const abort = new AbortController();
    api.getHistory({ channelId: item.channel_id, before: item.id, limit: 1 }, abort.signal).then(
      (items) => setPrevious(items[0] ? { status: 'ready', item: items[0] } : { status: 'none' }),
      (error: unknown) => {
        if (!isAbort(error)) setPrevious({ status: 'none' });
      },
    );
    return () => abort.abort();
  }, [api, item.channel_id, item.id]);

  useEffect(() => {
    box.current?.querySelector<HTMLButtonElement>('button')?.focus();
  }, [previous.status]);

  return (
    <div
      ref={box}
      class="alert alert-light border mt-2 mb-0 p-2 which-song-dialog"
      role="dialog"
      aria-labelledby={headingId}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onCancel();
      }}
    >
      <h4 class="h6 mb-2" id={headingId}>
        This one or the one before?
      </h4>
      <div class="d-grid gap-2">
        <button type="button" class="btn btn-sm btn-outline-dark text-start text-break" onClick={() => onChoose(item)}>
          <span class="d-block small text-body-secondary">This one</span>
          {item.song_title}
        </button>
        {previous.status === 'loading' && <Spinner small label="Loading the song before…" />}
        {previous.status === 'ready' && (
          <button type="button" class="btn btn-sm btn-outline-dark text-start text-break" onClick={() => onChoose(previous.item)}>
            <span class="d-block small text-body-secondary">The one before</span>
            {previous.item.song_title}
            {previous.item.bookmark_id > 0 && <span class="d-block small">(already bookmarked)</span>}
          </button>
        )}
        <button type="button" class="btn btn-sm btn-link" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}
