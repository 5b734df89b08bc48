import { useEffect, useRef, useState } from 'preact/hooks';
import { messageOf } from '../../hooks/use-toasts';

interface ConfirmInlineProps {
  /** Names the dialog, e.g. "Remove the watch". */
  heading: string;
  /** What will happen. */
  text: string;
  confirmLabel: string;
  onConfirm: () => Promise<void>;
  onCancel: () => void;
}

/**
 * Asks before something that cannot be taken back, in place (no modal): focus goes to
 * the confirming button, Escape or Cancel backs out, a failure is said where it happened.
 */
export function ConfirmInline({ heading, text, confirmLabel, onConfirm, onCancel }: ConfirmInlineProps) {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const box = useRef<HTMLDivElement>(null);
  const id = useRef(`confirm-${Math.random().toString(36).slice(2)}`).current;

  useEffect(() => {
    box.current?.querySelector<HTMLButtonElement>('button')?.focus();
  }, []);

  const confirm = async () => {
    setBusy(true);
    setFailure(null);
    try {
      await onConfirm();
    } catch (error) {
      setFailure(messageOf(error));
      setBusy(false);
    }
  };

  return (
    <div
      ref={box}
      class="alert alert-warning mt-2 mb-0 confirm-inline"
      role="alertdialog"
      aria-labelledby={`${id}-heading`}
      aria-describedby={`${id}-text`}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onCancel();
      }}
    >
      <h3 class="h6" id={`${id}-heading`}>
        {heading}
      </h3>
      <p id={`${id}-text`} class="mb-2">
        {failure === null ? text : `That did not work: ${failure}`}
      </p>
      <div class="d-flex flex-wrap gap-2">
        <button type="button" class="btn btn-danger btn-sm" disabled={busy} onClick={() => void confirm()}>
          {busy ? 'Working…' : failure === null ? confirmLabel : 'Try again'}
        </button>
        <button type="button" class="btn btn-outline-dark btn-sm" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}
