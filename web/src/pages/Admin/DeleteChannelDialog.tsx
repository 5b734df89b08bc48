import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError } from '../../api/errors';
import type { Channel } from '../../api/types';
import { useApi } from '../../hooks/use-api';
import { accessMessage } from './channel-form';

type Step = { step: 'confirm' } | { step: 'deleting' } | { step: 'has-history' } | { step: 'failed'; message: string };

interface DeleteChannelDialogProps {
  channel: Channel;
  onDeleted: () => void;
  onCancel: () => void;
}

/**
 * Asks before deleting a channel. When the server refuses because the channel has
 * history (409), says so and offers to delete that history too (purge).
 * Focus goes to its first button; Escape cancels.
 */
export function DeleteChannelDialog({ channel, onDeleted, onCancel }: DeleteChannelDialogProps) {
  const api = useApi();
  const [state, setState] = useState<Step>({ step: 'confirm' });
  const dialog = useRef<HTMLDivElement>(null);
  const headingId = `delete-${channel.id}-heading`;
  const textId = `delete-${channel.id}-text`;

  useEffect(() => {
    dialog.current?.querySelector<HTMLButtonElement>('button')?.focus();
  }, [state.step]);

  const remove = async (purge: boolean) => {
    setState({ step: 'deleting' });
    try {
      await api.deleteChannel(channel.id, { purge });
      onDeleted();
    } catch (error) {
      if (!purge && error instanceof ApiError && error.status === 409) setState({ step: 'has-history' });
      else setState({ step: 'failed', message: accessMessage(error) });
    }
  };

  const text =
    state.step === 'has-history'
      ? `${channel.name} has recorded history. Delete the channel and all its history? This cannot be undone.`
      : state.step === 'failed'
        ? `${channel.name} could not be deleted: ${state.message}`
        : `Delete the channel ${channel.name}? It will no longer be polled.`;

  return (
    <div
      ref={dialog}
      class="alert alert-warning mt-2 mb-0 delete-dialog"
      role="alertdialog"
      aria-labelledby={headingId}
      aria-describedby={textId}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onCancel();
      }}
    >
      <h3 class="h6" id={headingId}>
        Delete {channel.name}
      </h3>
      <p id={textId}>{text}</p>
      <div class="d-flex flex-wrap gap-2">
        {state.step === 'has-history' ? (
          <button type="button" class="btn btn-danger btn-sm" onClick={() => void remove(true)}>
            Delete with its history
          </button>
        ) : (
          <button type="button" class="btn btn-danger btn-sm" disabled={state.step === 'deleting'} onClick={() => void remove(false)}>
            {state.step === 'deleting' ? 'Deleting…' : state.step === 'failed' ? 'Try again' : 'Delete'}
          </button>
        )}
        <button type="button" class="btn btn-outline-dark btn-sm" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}
