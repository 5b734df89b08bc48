import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Channel, ChannelState } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert/ErrorAlert';
import { Icon } from '../../components/Icon/Icon';
import { LoadingBlock } from '../../components/Spinner/Spinner';
import { describeChannelStatus, statusTimeFormatter } from '../../health/station-health';
import { useApi } from '../../hooks/use-api';
import { useDocumentTitle } from '../../hooks/use-document-title';
import { useSession } from '../../hooks/use-session';
import { useToasts } from '../../hooks/use-toasts';
import { accessMessage, changesOf, draftOf, EMPTY_FORM, FORMAT_LABELS, formOf, type ChannelFormValues } from './channel-form';
import { ChannelForm } from './ChannelForm';
import { DeleteChannelDialog } from './DeleteChannelDialog';
import { useAdminChannels } from './use-admin-channels';

const STATE_BADGES: Record<ChannelState, { text: string; tone: string }> = {
  ok: { text: 'Working', tone: 'text-bg-success' },
  failing: { text: 'Unreachable', tone: 'text-bg-danger' },
  paused: { text: 'Paused', tone: 'text-bg-secondary' },
  pending: { text: 'Not polled yet', tone: 'text-bg-light border' },
};

function isPaused(channel: Channel): boolean {
  return channel.paused ?? channel.status?.state === 'paused';
}

function ChannelRow({ channel, onChanged, onDeleted }: { channel: Channel; onChanged: (channel: Channel) => void; onDeleted: () => void }) {
  const api = useApi();
  const toasts = useToasts();
  const formatTime = useMemo(() => statusTimeFormatter(), []);
  const [mode, setMode] = useState<'view' | 'edit' | 'delete'>('view');
  const [pausing, setPausing] = useState(false);
  // Back from the form or the dialog, the focus returns to the button that opened it.
  const [returnTo, setReturnTo] = useState<'edit' | 'delete' | null>(null);
  const editButton = useRef<HTMLButtonElement>(null);
  const deleteButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (mode !== 'view' || returnTo === null) return;
    (returnTo === 'edit' ? editButton : deleteButton).current?.focus();
    setReturnTo(null);
  }, [mode, returnTo]);
  const back = (from: 'edit' | 'delete') => {
    setMode('view');
    setReturnTo(from);
  };
  const state = channel.status?.state;
  const badge = state ? STATE_BADGES[state] : null;
  const detail = describeChannelStatus(channel.status, formatTime);
  const paused = isPaused(channel);

  const togglePause = async () => {
    setPausing(true);
    try {
      onChanged(await api.updateChannel(channel.id, { paused: !paused }));
      toasts.show(`${channel.name} ${paused ? 'resumed' : 'paused'}.`, 'success');
    } catch (error) {
      toasts.show(`${channel.name} could not be ${paused ? 'resumed' : 'paused'}: ${accessMessage(error)}`);
    } finally {
      setPausing(false);
    }
  };

  const save = async (values: ChannelFormValues) => {
    const change = changesOf(channel, values);
    if (Object.keys(change).length > 0) onChanged(await api.updateChannel(channel.id, change));
    back('edit');
    toasts.show(`${values.name.trim()} saved.`, 'success');
  };

  return (
    <li class="list-group-item admin-channel" data-channel-id={channel.id} aria-labelledby={`channel-${channel.id}-name`}>
      <div class="d-flex flex-wrap align-items-center gap-2">
        <div class="flex-grow-1 min-w-0">
          <div class="d-flex flex-wrap align-items-center gap-2">
            <h2 class="h6 mb-0 text-uppercase" id={`channel-${channel.id}-name`}>
              {channel.name}
            </h2>
            {badge && <span class={`badge ${badge.tone} channel-state`}>{badge.text}</span>}
          </div>
          <div class="small text-break">{channel.url}</div>
          <div class="small text-body-secondary">
            {FORMAT_LABELS[channel.format ?? 'auto']}
            {detail !== null && state === 'failing' && <span class="ms-2 channel-health">{detail}</span>}
          </div>
        </div>
        {mode === 'view' && (
          <div class="d-flex flex-wrap gap-2 flex-shrink-0 ms-auto">
            <button
              type="button"
              class="btn btn-sm btn-outline-secondary"
              aria-label={`Edit ${channel.name}`}
              onClick={() => setMode('edit')}
            >
              Edit
            </button>
            <button
              type="button"
              class="btn btn-sm btn-outline-secondary"
              aria-label={`${paused ? 'Resume' : 'Pause'} ${channel.name}`}
              disabled={pausing}
              onClick={() => void togglePause()}
            >
              {paused ? 'Resume' : 'Pause'}
            </button>
            <button
              ref={deleteButton}
              type="button"
              class="btn btn-sm btn-outline-danger"
              aria-label={`Delete ${channel.name}`}
              onClick={() => setMode('delete')}
            >
              <Icon name="trash" class="me-1" />
              Delete
            </button>
          </div>
        )}
      </div>
      {mode === 'edit' && (
        <div class="mt-2">
          <ChannelForm
            id={`edit-${channel.id}`}
            initial={formOf(channel)}
            submitLabel="Save changes"
            onSubmit={save}
            onCancel={() => back('edit')}
          />
        </div>
      )}
      {mode === 'delete' && <DeleteChannelDialog channel={channel} onDeleted={onDeleted} onCancel={() => back('delete')} />}
    </li>
  );
}

function ChannelList() {
  const api = useApi();
  const toasts = useToasts();
  const channels = useAdminChannels(true);
  const { state } = channels;

  const add = async (values: ChannelFormValues) => {
    const added = await api.addChannel(draftOf(values));
    channels.put(added);
    toasts.show(`${added.name} added.`, 'success');
  };

  return (
    <>
      <section aria-labelledby="add-channel-heading" class="card mb-4">
        <div class="card-body">
          <h2 id="add-channel-heading" class="h5">
            Add a channel
          </h2>
          <p class="small text-body-secondary">Test reads the station once and says what it plays, before you save.</p>
          <ChannelForm id="add" initial={EMPTY_FORM} submitLabel="Add channel" onSubmit={add} resetAfterSave={EMPTY_FORM} />
        </div>
      </section>

      <section aria-labelledby="channels-heading">
        <div class="d-flex flex-wrap align-items-center justify-content-between gap-2 mb-2">
          <h2 id="channels-heading" class="h5 mb-0">
            Channels
          </h2>
          <button type="button" class="btn btn-sm btn-outline-secondary" onClick={channels.reload}>
            Refresh
          </button>
        </div>
        {state.status === 'loading' && <LoadingBlock label="Loading channels…" />}
        {state.status === 'error' && <ErrorAlert message="The channels could not be loaded." onRetry={channels.reload} />}
        {state.status === 'ready' && state.channels.length === 0 && (
          <p class="text-body-secondary empty-state">No channels yet. Add the first one above.</p>
        )}
        {state.status === 'ready' && state.channels.length > 0 && (
          <ul class="list-group admin-channels" aria-label="Channels">
            {state.channels.map((channel) => (
              <ChannelRow
                key={channel.id}
                channel={channel}
                onChanged={channels.put}
                onDeleted={() => {
                  channels.remove(channel.id);
                  toasts.show(`${channel.name} deleted.`, 'success');
                }}
              />
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

/** /admin/channels: the channels the crawler polls, managed by the admins named in API_ADMINS (issue 14, point 10). */
export function AdminChannelsPage() {
  const api = useApi();
  const session = useSession();
  useDocumentTitle('Manage channels');

  return (
    <>
      <h1 class="h4 mb-3">Manage channels</h1>
      {session.status === 'loading' && <LoadingBlock label="Checking who is signed in…" />}
      {session.status === 'signed-out' && (
        <div class="card text-center signed-out-state">
          <div class="card-body py-5">
            <p class="card-text">Channels are managed by administrators. Sign in to continue.</p>
            <a class="btn btn-dark" href={api.signInUrl()}>
              <Icon name="signIn" class="me-1" />
              Sign in with Google
            </a>
          </div>
        </div>
      )}
      {session.status === 'signed-in' && !session.user.is_admin && (
        <div class="alert alert-info not-admin" role="alert">
          Only administrators can manage channels, and your account is not one. The server's API_ADMINS setting names them.
        </div>
      )}
      {session.status === 'signed-in' && session.user.is_admin && <ChannelList />}
    </>
  );
}
