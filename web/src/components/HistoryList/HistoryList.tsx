import type { Channel, HistoryItem } from '../../api/types';
import type { SongBookmarking } from '../../hooks/use-bookmark-toggle';
import { useDateTimeFormat } from '../../hooks/use-date-time-format';
import { SongActions } from '../SongActions/SongActions';
import { SongTitleLink } from '../SongTitle/SongTitle';

interface HistoryListProps {
  items: readonly HistoryItem[];
  /** Ids that arrived live: highlighted briefly when they appear. */
  liveIds?: ReadonlySet<number>;
  channels: readonly Channel[];
  bookmarking: SongBookmarking;
  /** The list's accessible name. */
  label?: string;
  /** The item to mark as the one playing at the moment asked about, with `currentText` on its badge. */
  currentId?: number | null;
  currentText?: string;
}

const NO_IDS: ReadonlySet<number> = new Set();

/** Songs played, newest first unless `label` says otherwise. */
export function HistoryList({
  items,
  liveIds = NO_IDS,
  channels,
  bookmarking,
  label = 'Songs played, newest first',
  currentId = null,
  currentText = 'Playing then',
}: HistoryListProps) {
  const formatDateTime = useDateTimeFormat();
  const channelNames = new Map(channels.map((channel) => [channel.id, channel.name]));
  return (
    <ol class="list-group history-list" aria-label={label}>
      {items.map((item) => {
        const current = item.id === currentId;
        return (
          <li
            key={item.id}
            class={`list-group-item history-item${liveIds.has(item.id) ? ' is-live' : ''}${current ? ' is-current' : ''}`}
            data-id={item.id}
            aria-current={current ? 'time' : undefined}
          >
            <div class="d-flex flex-wrap align-items-center gap-2">
              <div class="flex-grow-1 min-w-0">
                <div class="fw-semibold text-break song-title">
                  <SongTitleLink songId={item.song_id} title={item.song_title} />
                </div>
                <div class="small text-body-secondary">
                  <time dateTime={item.created_at}>{formatDateTime(item.created_at)}</time>
                  {channelNames.has(item.channel_id) && (
                    <span class="ms-2 channel-label">
                      <span class={`channel-dot channel-${channelNames.get(item.channel_id) ?? ''}`} aria-hidden="true" />
                      {channelNames.get(item.channel_id)}
                    </span>
                  )}
                  {current && <span class="badge text-bg-warning ms-2 current-badge">{currentText}</span>}
                </div>
              </div>
              <SongActions item={item} bookmarking={bookmarking} class="d-flex align-items-center flex-shrink-0 ms-auto" />
            </div>
          </li>
        );
      })}
    </ol>
  );
}
