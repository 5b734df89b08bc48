import type { Channel, HistoryItem } from '../../api/types';
import type { SongBookmarking } from '../../hooks/use-bookmark-toggle';
import { useDateTimeFormat } from '../../hooks/use-date-time-format';
import { SongActions } from '../SongActions/SongActions';

interface HistoryListProps {
  items: readonly HistoryItem[];
  /** Ids that arrived live: highlighted briefly when they appear. */
  liveIds: ReadonlySet<number>;
  channels: readonly Channel[];
  bookmarking: SongBookmarking;
}

/** Songs played, newest first. */
export function HistoryList({ items, liveIds, channels, bookmarking }: HistoryListProps) {
  const formatDateTime = useDateTimeFormat();
  const channelNames = new Map(channels.map((channel) => [channel.id, channel.name]));
  return (
    <ol class="list-group history-list" aria-label="Songs played, newest first">
      {items.map((item) => (
        <li key={item.id} class={`list-group-item history-item${liveIds.has(item.id) ? ' is-live' : ''}`} data-id={item.id}>
          <div class="d-flex flex-wrap align-items-center gap-2">
            <div class="flex-grow-1 min-w-0">
              <div class="fw-semibold text-break song-title">{item.song_title}</div>
              <div class="small text-body-secondary">
                <time dateTime={item.created_at}>{formatDateTime(item.created_at)}</time>
                {channelNames.has(item.channel_id) && (
                  <span class="ms-2 channel-label">
                    <span class={`channel-dot channel-${channelNames.get(item.channel_id) ?? ''}`} aria-hidden="true" />
                    {channelNames.get(item.channel_id)}
                  </span>
                )}
              </div>
            </div>
            <SongActions item={item} bookmarking={bookmarking} class="d-flex align-items-center flex-shrink-0 ms-auto" />
          </div>
        </li>
      ))}
    </ol>
  );
}
