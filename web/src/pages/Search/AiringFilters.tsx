import { useEffect, useState } from 'preact/hooks';
import type { Channel } from '../../api/types';
import { ChannelFilter } from '../../components/ChannelFilter/ChannelFilter';
import type { SearchFilters } from '../../catalog/urls';
import { dayEnd, dayStart, describeDays, recentDays, timesOfDays, type DayRange } from '../../time/days';
import { parseRfc3339, zoneLabel } from '../../time/zones';

/** The quick choices of recent days: how many, ending how many days before today. */
const RECENT_DAYS = [
  { label: 'Today', count: 1, daysAgo: 0 },
  { label: 'Yesterday', count: 1, daysAgo: 1 },
  { label: 'Last 7 days', count: 7, daysAgo: 0 },
] as const;

const ANY_TIME: DayRange = { from: null, to: null };

const BACKWARDS_ID = 'airings-days-error';
const ZONE_ID = 'airings-days-zone';

/** What the airings are narrowed to, in plain words ("On red, 7 – 8 Dec 2026."); null when they are not. */
export function narrowedText(channelName: string | null, days: DayRange): string | null {
  const when = describeDays(days);
  if (channelName === null && when === null) return null;
  return `On ${channelName ?? 'every channel'}${when === null ? '' : `, ${when}`}.`;
}

/** What the airings say when the filters leave none. */
export function nothingPlayedText(channelName: string | null, days: DayRange): string {
  const where = channelName === null ? '' : ` on ${channelName}`;
  const when = describeDays(days) === null ? '' : ' in that time';
  return `Nothing matching was played${where}${when}.`;
}

interface DayInputProps {
  id: string;
  label: string;
  /** The day the address holds (null = none). */
  day: string | null;
  /** The id of the message saying what is wrong with the day, when something is. */
  errorId?: string | undefined;
  onPick: (day: string | null) => void;
}

/** A date field that keeps what is being typed, even while the address does not follow it yet. */
function DayInput({ id, label, day, errorId, onPick }: DayInputProps) {
  const [typed, setTyped] = useState(day ?? '');
  // The address changed by other means (a quick choice, Back): the field shows its day.
  useEffect(() => setTyped(day ?? ''), [day]);
  return (
    <div>
      <label class="form-label small mb-1" for={id}>
        {label}
      </label>
      <input
        id={id}
        class={`form-control form-control-sm${errorId ? ' is-invalid' : ''}`}
        type="date"
        value={typed}
        aria-invalid={errorId ? true : undefined}
        // What is wrong, if anything, then the zone the day is in.
        aria-describedby={errorId ? `${errorId} ${ZONE_ID}` : ZONE_ID}
        onInput={(event) => {
          const value = event.currentTarget.value;
          setTyped(value);
          onPick(value === '' ? null : value);
        }}
      />
    </div>
  );
}

function sameDays(a: DayRange, b: DayRange): boolean {
  return a.from === b.from && a.to === b.to;
}

interface AiringFiltersProps {
  /** null while the channels load. */
  channels: readonly Channel[] | null;
  filters: SearchFilters;
  /** The filters' days in `zone`. */
  days: DayRange;
  zone: string;
  /** True when the To day is before the From day. */
  backwards: boolean;
  onChange: (change: Partial<SearchFilters>) => void;
}

/** The airings' channel and days (inclusive, on the listener's clocks, the zone said). */
export function AiringFilters({ channels, filters, days, zone, backwards, onChange }: AiringFiltersProps) {
  const now = new Date();
  const pickDay = (side: 'from' | 'to', day: string | null) => {
    const time = day === null ? null : side === 'from' ? dayStart(day, zone) : dayEnd(day, zone);
    // A year still being typed (0002 on the way to 2026) is no day to ask about yet.
    if (day === null || time !== null) onChange(side === 'from' ? { from: time } : { to: time });
  };
  const choices = [
    ...RECENT_DAYS.map((recent) => ({ label: recent.label, days: recentDays(recent.count, recent.daysAgo, now, zone) })),
    { label: 'Any time', days: ANY_TIME },
  ];
  const zoneAt = (filters.from === null ? null : parseRfc3339(filters.from)) ?? now;
  return (
    <div class="airing-filters mb-3">
      {channels && (
        <div class="mb-2">
          <ChannelFilter
            channels={channels}
            selected={filters.channelId}
            onSelect={(channelId) => onChange({ channelId })}
            label="Filter airings by channel"
          />
        </div>
      )}
      <fieldset>
        <legend class="small fw-semibold mb-1">When</legend>
        <div class="d-flex flex-wrap align-items-end gap-2">
          <DayInput id="airings-from-day" label="From day" day={days.from} onPick={(day) => pickDay('from', day)} />
          <DayInput
            id="airings-to-day"
            label="To day"
            day={days.to}
            errorId={backwards ? BACKWARDS_ID : undefined}
            onPick={(day) => pickDay('to', day)}
          />
          <div class="btn-group flex-wrap" role="group" aria-label="Quick days">
            {choices.map((choice) => {
              const pressed = sameDays(choice.days, days);
              return (
                <button
                  key={choice.label}
                  type="button"
                  class={`btn btn-sm ${pressed ? 'btn-dark' : 'btn-outline-dark'}`}
                  aria-pressed={pressed}
                  onClick={() => onChange(timesOfDays(choice.days, zone))}
                >
                  {choice.label}
                </button>
              );
            })}
          </div>
        </div>
        {backwards && (
          <p id={BACKWARDS_ID} class="invalid-feedback d-block mb-0" role="alert">
            The To day is before the From day: pick a later one.
          </p>
        )}
        <p id={ZONE_ID} class="small text-body-secondary mt-1 mb-0 zone-label">
          Days in {zoneLabel(zone, zoneAt)}.
        </p>
      </fieldset>
    </div>
  );
}
