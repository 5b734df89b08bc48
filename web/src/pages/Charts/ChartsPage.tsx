import { useLocation } from 'preact-iso';
import { useCallback, useMemo } from 'preact/hooks';
import type { ChartEntry } from '../../api/types';
import { ChannelFilter } from '../../components/ChannelFilter/ChannelFilter';
import { Icon } from '../../components/Icon/Icon';
import { SongTitleLink } from '../../components/SongTitle/SongTitle';
import { ResourceStatus } from '../../components/ResourceStatus/ResourceStatus';
import { PERIOD_DAYS, chartWindow, movement } from '../../catalog/chart-window';
import { artistUrl, chartsUrl, chartsViewFromQuery, type ChartsView } from '../../catalog/urls';
import { useApi } from '../../hooks/use-api';
import { useChannels } from '../../hooks/use-channels';
import { useDocumentTitle } from '../../hooks/use-document-title';
import { useResource } from '../../hooks/use-resource';
import { playsText } from '../../catalog/counts';

export const CHART_SIZE = 20;

interface ToggleOption<T extends string> {
  value: T;
  label: string;
}

function Toggle<T extends string>({
  label,
  options,
  selected,
  onSelect,
}: {
  label: string;
  options: readonly ToggleOption<T>[];
  selected: T;
  onSelect: (value: T) => void;
}) {
  return (
    <div class="btn-group" role="group" aria-label={label}>
      {options.map((option) => (
        <button
          key={option.value}
          type="button"
          class={`btn btn-sm ${option.value === selected ? 'btn-dark' : 'btn-outline-dark'}`}
          aria-pressed={option.value === selected}
          onClick={() => onSelect(option.value)}
        >
          {option.label}
        </button>
      ))}
    </div>
  );
}

function MovementMark({ entry }: { entry: ChartEntry }) {
  const move = movement(entry);
  if (move.kind === 'new') return <span class="badge text-bg-info chart-new">new</span>;
  if (move.kind === 'same') {
    return (
      <span class="text-body-secondary chart-move">
        <span aria-hidden="true">–</span>
        <span class="visually-hidden">{move.text}</span>
      </span>
    );
  }
  return (
    <span class={`chart-move chart-move-${move.kind}`} title={move.text}>
      <Icon name={move.kind === 'up' ? 'arrowUp' : 'arrowDown'} />
      <span aria-hidden="true">{move.by}</span>
      <span class="visually-hidden">{move.text}</span>
    </span>
  );
}

function ChartList({ entries, view }: { entries: readonly ChartEntry[]; view: ChartsView }) {
  return (
    <ol class="list-group chart-list" aria-label={view.by === 'song' ? 'Most played songs' : 'Most played artists'}>
      {entries.map((entry) => (
        <li key={entry.rank} class="list-group-item d-flex align-items-center gap-2 chart-entry" data-rank={entry.rank}>
          <span class="fw-bold chart-rank">{entry.rank}</span>
          <span class="chart-movement" style={{ minWidth: '2.75rem' }}>
            <MovementMark entry={entry} />
          </span>
          <span class="flex-grow-1 min-w-0 text-break fw-semibold song-title">
            {entry.song && <SongTitleLink songId={entry.song.id} title={entry.song.title} />}
            {entry.artist && (
              <a class="song-link" href={artistUrl(entry.artist.id)}>
                {entry.artist.name}
              </a>
            )}
          </span>
          <span class="badge text-bg-light border chart-plays">{playsText(entry.plays)}</span>
        </li>
      ))}
    </ol>
  );
}

export function ChartsPage() {
  const { query, route } = useLocation();
  const view = chartsViewFromQuery(query);
  const { by, period, channelId } = view;
  const api = useApi();
  const { state: channelsState } = useChannels();
  const channels = channelsState.status === 'ready' ? channelsState.channels : null;
  const span = useMemo(() => chartWindow(period, new Date()), [period]);
  const load = useCallback(
    (signal: AbortSignal) => api.getCharts({ by, channelId, ...span, limit: CHART_SIZE }, signal),
    [api, by, channelId, span],
  );
  const { state, retry } = useResource<ChartEntry[]>(load);
  const show = (change: Partial<ChartsView>) => route(chartsUrl({ ...view, ...change }));
  useDocumentTitle('Charts');

  return (
    <section aria-labelledby="charts-heading">
      <h1 id="charts-heading" class="h4 mb-3">
        Charts
      </h1>
      <div class="d-flex flex-wrap gap-2 mb-3">
        <Toggle
          label="Chart of"
          options={[
            { value: 'song', label: 'Songs' },
            { value: 'artist', label: 'Artists' },
          ]}
          selected={by}
          onSelect={(value) => show({ by: value })}
        />
        <Toggle
          label="Period"
          options={[
            { value: 'week', label: 'This week' },
            { value: 'month', label: 'This month' },
            { value: 'year', label: 'This year' },
          ]}
          selected={period}
          onSelect={(value) => show({ period: value })}
        />
        {channels && (
          <ChannelFilter channels={channels} selected={channelId} onSelect={(id) => show({ channelId: id })} label="Chart of channel" />
        )}
      </div>
      <p class="small text-body-secondary">
        Plays in the last {PERIOD_DAYS[period]} days; arrows compare with the {PERIOD_DAYS[period]} days before.
      </p>
      <ResourceStatus state={state} retry={retry} loading="Loading the chart…" failed="The chart could not be loaded." />
      {state.status === 'ready' && state.value.length === 0 && (
        <p class="text-body-secondary empty-state">Nothing was played in this period.</p>
      )}
      {state.status === 'ready' && state.value.length > 0 && <ChartList entries={state.value} view={view} />}
    </section>
  );
}
