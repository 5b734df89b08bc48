import { useCallback, useMemo, useState } from 'preact/hooks';
import type { SongStats } from '../../api/types';
import { dailySeries, heatMap } from '../../catalog/song-stats';
import { useResource } from '../../hooks/use-resource';
import { zonedDateTime, zoneLabel } from '../../time/zones';
import { ResourceStatus } from '../ResourceStatus/ResourceStatus';
import { DailyChart } from './DailyChart';
import { HeatMap } from './HeatMap';

export const STATS_PERIODS = [30, 90, 365] as const;
const DEFAULT_PERIOD = 90;

export interface StatsOptions {
  /** IANA time zone the hours and days are counted in. */
  tz: string;
  /** How many days back, today included. */
  days: number;
}

/** Asks the API for the plays of a song, an artist...; pass a memoized one, it is asked again whenever it changes. */
export type StatsLoader = (options: StatsOptions, signal: AbortSignal) => Promise<SongStats>;

/**
 * "When it plays": a period select, then the weekday × hour heat map and the plays per day over
 * that period, in time zone `zone`. `headingId` and `periodId` are the ids of its heading and its
 * select, unique on the page.
 */
export function PlaysCharts({ load, zone, headingId, periodId }: { load: StatsLoader; zone: string; headingId: string; periodId: string }) {
  const [days, setDays] = useState<number>(DEFAULT_PERIOD);
  const loadPeriod = useCallback((signal: AbortSignal) => load({ tz: zone, days }, signal), [load, zone, days]);
  const { state, retry } = useResource<SongStats>(loadPeriod);
  const label = zoneLabel(zone, new Date());
  const today = zonedDateTime(new Date(), zone).date;
  const charts = useMemo(
    () =>
      state.status === 'ready' ? { heat: heatMap(state.value.by_weekday_hour), daily: dailySeries(state.value.by_day, days, today) } : null,
    [state, days, today],
  );
  return (
    <section aria-labelledby={headingId} class="mb-4">
      <div class="d-flex flex-wrap align-items-center justify-content-between gap-2 mb-2">
        <h2 id={headingId} class="h5 mb-0">
          When it plays
        </h2>
        <div class="d-flex align-items-center gap-2">
          <label class="small" for={periodId}>
            Period
          </label>
          <select
            id={periodId}
            class="form-select form-select-sm w-auto"
            value={days}
            onChange={(event) => setDays(Number(event.currentTarget.value))}
          >
            {STATS_PERIODS.map((period) => (
              <option key={period} value={period}>
                Last {period} days
              </option>
            ))}
          </select>
        </div>
      </div>
      <p class="small text-body-secondary">Times in {label}.</p>
      <ResourceStatus state={state} retry={retry} loading="Loading the charts…" failed="The charts could not be loaded." />
      {charts && (
        <div class="row g-4">
          <div class="col-12 col-lg-6">
            <h3 class="h6">By weekday and hour</h3>
            <HeatMap data={charts.heat} zone={label} />
          </div>
          <div class="col-12 col-lg-6">
            <h3 class="h6">Per day</h3>
            <DailyChart days={charts.daily} zone={label} />
          </div>
        </div>
      )}
    </section>
  );
}
