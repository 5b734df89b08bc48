import type { LiveStatus } from '../../history/live-connection';

const STATUS_TEXT: Record<LiveStatus, string> = {
  off: 'Off',
  connecting: 'Connecting…',
  live: 'Live',
  reconnecting: 'Reconnecting…',
};

const STATUS_CLASS: Record<LiveStatus, string> = {
  off: 'text-bg-secondary',
  connecting: 'text-bg-warning',
  live: 'text-bg-success',
  reconnecting: 'text-bg-warning',
};

/** Turns live updates on and off, and tells how the stream is doing. */
export function LiveSwitch({ enabled, status, onChange }: { enabled: boolean; status: LiveStatus; onChange: (enabled: boolean) => void }) {
  return (
    <div class="d-flex align-items-center gap-2 live-switch">
      <div class="form-check form-switch mb-0">
        <input
          class="form-check-input"
          type="checkbox"
          role="switch"
          id="live-updates"
          checked={enabled}
          onChange={(event) => onChange(event.currentTarget.checked)}
        />
        <label class="form-check-label" for="live-updates">
          Live updates
        </label>
      </div>
      <span class={`badge live-status ${STATUS_CLASS[status]}`} role="status" aria-live="polite" data-status={status}>
        {STATUS_TEXT[status]}
      </span>
    </div>
  );
}
