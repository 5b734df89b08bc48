import { useMemo } from 'preact/hooks';
import type { Channel, HistoryGap, HistoryItem } from '../../api/types';
import { aroundAiringUrl } from '../../catalog/urls';
import { describeGap, gapKey, statusTimeFormatter } from '../../health/station-health';
import { interleaveGaps } from '../../history/history-rows';
import type { SongBookmarking } from '../../hooks/use-bookmark-toggle';
import { useDateTimeFormat } from '../../hooks/use-date-time-format';
import { listenerTimeZone } from '../../time/zones';
import { Icon } from '../Icon/Icon';
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
  /** Times stations could not be read, shown between the items by time. */
  gaps?: readonly HistoryGap[];
}

const NO_IDS: ReadonlySet<number> = new Set();
const NO_GAPS: readonly HistoryGap[] = [];

function GapRow({
  gap,
  channelName,
  formatTime,
}: {
  gap: HistoryGap;
  channelName: string | undefined;
  formatTime: (text: string) => string;
}) {
  return (
    <li class="list-group-item history-gap text-body-secondary small" data-channel-id={gap.channel_id}>
      <Icon name="exclamationTriangle" class="me-1" />
      {describeGap(gap, formatTime)}
      {channelName !== undefined && (
        <span class="ms-2 channel-label">
          <span class={`channel-dot channel-${channelName}`} aria-hidden="true" />
          {channelName}
        </span>
      )}
    </li>
  );
}

/** When an airing began, linked to what its channel played around it (the song before, the song after). */
function AiringTime({
  item,
  channelName,
  formatted,
  zone,
}: {
  item: HistoryItem;
  channelName: string | undefined;
  formatted: string;
  zone: string;
}) {
  const time = <time dateTime={item.created_at}>{formatted}</time>;
  // A row is drawn again for every live item; its address does not change.
  const around = useMemo(() => aroundAiringUrl(item.created_at, item.channel_id, zone), [item.created_at, item.channel_id, zone]);
  if (around === null) return time;
  return (
    <a class="text-reset airing-time" href={around} aria-label={`${formatted}: what ${channelName ?? 'the channel'} played around it`}>
      {time}
    </a>
  );
}

/** Songs played, newest first unless `label` says otherwise; each time leads to what played around it. */
export function HistoryList({
  items,
  liveIds = NO_IDS,
  channels,
  bookmarking,
  label = 'Songs played, newest first',
  currentId = null,
  currentText = 'Playing then',
  gaps = NO_GAPS,
}: HistoryListProps) {
  const formatDateTime = useDateTimeFormat();
  const formatTime = useMemo(() => statusTimeFormatter(), []);
  const zone = useMemo(() => listenerTimeZone(), []);
  const channelNames = new Map(channels.map((channel) => [channel.id, channel.name]));
  const rows = useMemo(() => interleaveGaps(items, gaps), [items, gaps]);
  return (
    <ol class="list-group history-list" aria-label={label}>
      {rows.map((row) => {
        if (row.kind === 'gap') {
          return <GapRow key={gapKey(row.gap)} gap={row.gap} channelName={channelNames.get(row.gap.channel_id)} formatTime={formatTime} />;
        }
        const item = row.item;
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
                  <AiringTime
                    item={item}
                    channelName={channelNames.get(item.channel_id)}
                    formatted={formatDateTime(item.created_at)}
                    zone={zone}
                  />
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
