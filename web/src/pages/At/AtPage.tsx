import { useLocation, useRoute } from 'preact-iso';
import { useCallback, useMemo, useState } from 'preact/hooks';
import type { Channel } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert/ErrorAlert';
import { HistoryList } from '../../components/HistoryList/HistoryList';
import { LoadingBlock } from '../../components/Spinner/Spinner';
import { ResourceStatus } from '../../components/ResourceStatus/ResourceStatus';
import { playingAround, type PlayingAround } from '../../catalog/playing-around';
import { atUrl, CHANNEL_ID_PARAM, idFromParam } from '../../catalog/urls';
import { setSongBookmark } from '../../history/history-list';
import { EMPTY_PAGED_LIST, addPage, newestFirst } from '../../lists/paged-list';
import { useApi } from '../../hooks/use-api';
import { useBookmarkToggle } from '../../hooks/use-bookmark-toggle';
import { useChannels } from '../../hooks/use-channels';
import { useDocumentTitle } from '../../hooks/use-document-title';
import { useResource } from '../../hooks/use-resource';
import { instantInZone, listenerTimeZone, parseRfc3339, toRfc3339, zonedDateTime, zoneLabel } from '../../time/zones';

/** Now, to the minute: what /at without a time shows. */
function thisMinute(): Date {
  return new Date(Math.floor(Date.now() / 60_000) * 60_000);
}

interface PickerProps {
  moment: Date;
  zone: string;
  channels: readonly Channel[] | null;
  channelId: number | null;
  onShow: (moment: Date, channelId: number | null) => void;
}

/** Date, time and channel, in the listener's own time zone, shown beside them. */
function MomentPicker({ moment, zone, channels, channelId, onShow }: PickerProps) {
  const shown = zonedDateTime(moment, zone);
  const [date, setDate] = useState(shown.date);
  const [time, setTime] = useState(shown.time);
  const [channel, setChannel] = useState(channelId === null ? '' : String(channelId));
  const picked = instantInZone(date, time, zone);
  return (
    <form
      class="row g-2 align-items-end mb-2 moment-picker"
      aria-label="Pick a moment"
      onSubmit={(event) => {
        event.preventDefault();
        if (picked !== null) onShow(picked, idFromParam(channel));
      }}
    >
      <div class="col-6 col-sm-auto">
        <label class="form-label small mb-1" for="at-date">
          Date
        </label>
        <input
          id="at-date"
          class="form-control"
          type="date"
          required
          value={date}
          onInput={(event) => setDate(event.currentTarget.value)}
        />
      </div>
      <div class="col-6 col-sm-auto">
        <label class="form-label small mb-1" for="at-time">
          Time
        </label>
        <input
          id="at-time"
          class="form-control"
          type="time"
          required
          value={time}
          onInput={(event) => setTime(event.currentTarget.value)}
        />
      </div>
      <div class="col-8 col-sm-auto">
        <label class="form-label small mb-1" for="at-channel">
          Channel
        </label>
        <select id="at-channel" class="form-select" value={channel} onChange={(event) => setChannel(event.currentTarget.value)}>
          <option value="">All channels</option>
          {(channels ?? []).map((option) => (
            <option key={option.id} value={String(option.id)}>
              {option.name}
            </option>
          ))}
        </select>
      </div>
      <div class="col-4 col-sm-auto">
        <button class="btn btn-dark w-100" type="submit" disabled={picked === null}>
          Show
        </button>
      </div>
      <p class="col-12 small text-body-secondary mb-0 zone-label">Times in {zoneLabel(zone, picked ?? moment)}.</p>
    </form>
  );
}

function ChannelAround({ channel, around, timeText }: { channel: Channel; around: PlayingAround; timeText: string }) {
  const [list, setList] = useState(() => addPage(EMPTY_PAGED_LIST, around.items, around.items.length + 1));
  const setBookmark = useCallback(
    (songId: number, bookmarkId: number) => setList((shown) => setSongBookmark(shown, songId, bookmarkId)),
    [],
  );
  const bookmarks = useBookmarkToggle(setBookmark);
  const items = useMemo(() => newestFirst(list), [list]);
  return (
    <section aria-labelledby={`at-channel-${channel.id}`} class="mb-4 channel-around" data-channel-id={channel.id}>
      <h2 id={`at-channel-${channel.id}`} class="h5 mb-2 d-flex align-items-center gap-2">
        <span class={`channel-dot channel-${channel.name}`} aria-hidden="true" />
        {channel.name}
      </h2>
      {items.length === 0 ? (
        <p class="text-body-secondary empty-state">Nothing recorded around then.</p>
      ) : (
        <>
          {around.playing === null && <p class="text-body-secondary small">Nothing was playing yet at {timeText}.</p>}
          <HistoryList
            items={items}
            channels={[channel]}
            bookmarking={bookmarks}
            label={`Songs around ${timeText} on ${channel.name}, newest first`}
            currentId={around.playing?.id ?? null}
            currentText={`Playing at ${timeText}`}
          />
        </>
      )}
    </section>
  );
}

function Around({ moment, channels, timeText }: { moment: Date; channels: readonly Channel[]; timeText: string }) {
  const api = useApi();
  const load = useCallback(
    (signal: AbortSignal) => Promise.all(channels.map((channel) => playingAround(api, channel.id, moment, signal))),
    [api, channels, moment],
  );
  const { state, retry } = useResource(load);
  if (state.status !== 'ready')
    return (
      <ResourceStatus state={state} retry={retry} loading="Looking up what was playing…" failed="What was playing could not be loaded." />
    );
  return (
    <>
      {channels.map((channel, index) => (
        <ChannelAround key={`${channel.id}-${moment.getTime()}`} channel={channel} around={state.value[index]!} timeText={timeText} />
      ))}
    </>
  );
}

export function AtPage() {
  const { params } = useRoute();
  const { query, route } = useLocation();
  const zone = useMemo(() => listenerTimeZone(), []);
  const time = params.time ?? null;
  const moment = useMemo(() => (time === null ? thisMinute() : parseRfc3339(time)), [time]);
  const channelId = idFromParam(query[CHANNEL_ID_PARAM]);
  const { state: channelsState, retry: retryChannels } = useChannels();
  const channels = channelsState.status === 'ready' ? channelsState.channels : null;
  const shown = useMemo(
    () => (channels === null ? null : channels.filter((channel) => channelId === null || channel.id === channelId)),
    [channels, channelId],
  );
  const timeText = moment === null ? '' : zonedDateTime(moment, zone).time;
  useDocumentTitle('What was playing at…');

  return (
    <>
      <h1 class="h4 mb-3">What was playing at…</h1>
      {moment === null ? <ErrorAlert message={`“${time ?? ''}” is not a time this page understands; pick one below.`} /> : null}
      <MomentPicker
        key={`${time ?? 'now'}-${channelId ?? 'all'}`}
        moment={moment ?? thisMinute()}
        zone={zone}
        channels={channels}
        channelId={channelId}
        onShow={(picked, channel) => route(atUrl(toRfc3339(picked, zone), channel))}
      />
      {channelsState.status === 'loading' && <LoadingBlock label="Loading channels…" />}
      {channelsState.status === 'error' && <ErrorAlert message="The channels could not be loaded." onRetry={retryChannels} />}
      {moment !== null && shown !== null && shown.length === 0 && <p class="text-body-secondary empty-state">No such channel.</p>}
      {moment !== null && shown !== null && shown.length > 0 && (
        <div class="mt-3">
          <Around moment={moment} channels={shown} timeText={timeText} />
        </div>
      )}
    </>
  );
}
