import { useId } from 'preact/hooks';
import { HOURS, WEEKDAYS, heatLevel, hourRange, type HeatMap as HeatMapData } from '../../catalog/song-stats';
import { playsText } from '../../catalog/counts';

const CELL = 20;
const GAP = 2;
const LEFT = 34;
const TOP = 14;
const STEP = CELL + GAP;

/** When a song (or an artist) plays: a weekday × hour grid, darker where it plays more, with the same numbers as a table. */
export function HeatMap({ data, zone }: { data: HeatMapData; zone: string }) {
  const id = useId();
  const peak = data.peak;
  const summary =
    peak === null
      ? 'No plays in this period.'
      : `${playsText(data.total)} in all; most often on ${WEEKDAYS[peak.weekday]} ${hourRange(peak.hour)} (${playsText(peak.plays)}).`;
  return (
    <figure class="mb-0">
      <svg
        class="stats-chart heat-map"
        viewBox={`0 0 ${LEFT + HOURS * STEP} ${TOP + WEEKDAYS.length * STEP}`}
        role="img"
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-desc`}
      >
        <title id={`${id}-title`}>Plays by weekday and hour ({zone})</title>
        <desc id={`${id}-desc`}>{summary}</desc>
        {[0, 6, 12, 18].map((hour) => (
          <text key={hour} class="heat-cell-label" x={LEFT + hour * STEP} y={10} aria-hidden="true">
            {String(hour).padStart(2, '0')}
          </text>
        ))}
        {data.rows.map((row, weekday) => (
          <g key={weekday}>
            <text class="heat-cell-label" x={0} y={TOP + weekday * STEP + 14} aria-hidden="true">
              {WEEKDAYS[weekday]!.slice(0, 3)}
            </text>
            {row.map((count, hour) => {
              const level = heatLevel(count, data.max);
              return (
                <rect
                  key={hour}
                  x={LEFT + hour * STEP}
                  y={TOP + weekday * STEP}
                  width={CELL}
                  height={CELL}
                  rx={3}
                  fill={level === 0 ? '#e9ecef' : `rgba(10, 88, 202, ${(0.15 + 0.85 * level).toFixed(3)})`}
                  data-plays={count}
                >
                  <title>{`${WEEKDAYS[weekday]} ${hourRange(hour)}: ${playsText(count)}`}</title>
                </rect>
              );
            })}
          </g>
        ))}
      </svg>
      <figcaption class="small text-body-secondary mt-1">{summary}</figcaption>
      <details class="mt-2">
        <summary class="small">Show as a table</summary>
        <div class="table-responsive">
          <table class="table table-sm table-bordered small text-end mb-0">
            <caption class="visually-hidden">Plays by weekday (rows) and hour (columns), {zone}</caption>
            <thead>
              <tr>
                <th scope="col" class="text-start">
                  Day
                </th>
                {Array.from({ length: HOURS }, (_, hour) => (
                  <th scope="col" key={hour}>
                    {String(hour).padStart(2, '0')}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {data.rows.map((row, weekday) => (
                <tr key={weekday}>
                  <th scope="row" class="text-start">
                    {WEEKDAYS[weekday]}
                  </th>
                  {row.map((count, hour) => (
                    <td key={hour}>{count}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
