import { useId } from 'preact/hooks';
import type { DailyPlays } from '../../catalog/song-stats';
import { playsText } from '../../catalog/counts';

const WIDTH = 600;
const HEIGHT = 120;
const BOTTOM = 16;

/** Plays per day, oldest day on the left; the days with plays are also listed in a table. */
export function DailyChart({ days, zone }: { days: readonly DailyPlays[]; zone: string }) {
  const id = useId();
  const max = Math.max(0, ...days.map((day) => day.plays));
  const played = days.filter((day) => day.plays > 0);
  const total = played.reduce((sum, day) => sum + day.plays, 0);
  const busiest = played.reduce<DailyPlays | null>((best, day) => (best === null || day.plays > best.plays ? day : best), null);
  const first = days[0]?.date ?? '';
  const last = days[days.length - 1]?.date ?? '';
  const summary =
    busiest === null
      ? `No plays from ${first} to ${last}.`
      : `${playsText(total)} on ${played.length} of ${days.length} days from ${first} to ${last}; most on ${busiest.date} (${playsText(busiest.plays)}).`;
  const barWidth = days.length > 0 ? WIDTH / days.length : WIDTH;
  return (
    <figure class="mb-0">
      <svg
        class="stats-chart daily-chart"
        viewBox={`0 0 ${WIDTH} ${HEIGHT + BOTTOM}`}
        role="img"
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-desc`}
      >
        <title id={`${id}-title`}>Plays per day ({zone})</title>
        <desc id={`${id}-desc`}>{summary}</desc>
        <line x1={0} x2={WIDTH} y1={HEIGHT + 0.5} y2={HEIGHT + 0.5} stroke="#adb5bd" />
        {days.map((day, index) =>
          day.plays === 0 ? null : (
            <rect
              key={day.date}
              x={index * barWidth + barWidth * 0.1}
              width={Math.max(barWidth * 0.8, 1)}
              y={HEIGHT - (day.plays / max) * (HEIGHT - 4)}
              height={(day.plays / max) * (HEIGHT - 4)}
              fill="#0a58ca"
              data-date={day.date}
            >
              <title>{`${day.date}: ${playsText(day.plays)}`}</title>
            </rect>
          ),
        )}
        <text class="heat-cell-label" x={0} y={HEIGHT + 12} aria-hidden="true">
          {first}
        </text>
        <text class="heat-cell-label" x={WIDTH} y={HEIGHT + 12} text-anchor="end" aria-hidden="true">
          {last}
        </text>
        {max > 0 && (
          <text class="heat-cell-label" x={2} y={10} aria-hidden="true">
            {max}
          </text>
        )}
      </svg>
      <figcaption class="small text-body-secondary mt-1">{summary}</figcaption>
      {played.length > 0 && (
        <details class="mt-2">
          <summary class="small">Show the days with plays as a table</summary>
          <table class="table table-sm small mb-0 daily-table">
            <caption class="visually-hidden">Plays per day, {zone}</caption>
            <thead>
              <tr>
                <th scope="col">Date</th>
                <th scope="col" class="text-end">
                  Plays
                </th>
              </tr>
            </thead>
            <tbody>
              {[...played].reverse().map((day) => (
                <tr key={day.date}>
                  <td>{day.date}</td>
                  <td class="text-end">{day.plays}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      )}
    </figure>
  );
}
