import type { Toast } from '../../hooks/use-toasts';

/** Messages about calls that failed (or succeeded), stacked at the bottom corner. */
export function Toasts({ toasts, onDismiss }: { toasts: readonly Toast[]; onDismiss: (id: number) => void }) {
  return (
    <div class="toast-container position-fixed bottom-0 end-0 p-3" aria-live="polite" aria-atomic="false">
      {toasts.map((toast) => (
        <div
          key={toast.id}
          class={`toast show align-items-center text-bg-${toast.tone} border-0`}
          role={toast.tone === 'danger' ? 'alert' : 'status'}
        >
          <div class="d-flex">
            <div class="toast-body">
              {toast.href === undefined ? (
                toast.message
              ) : (
                <a class="link-body-emphasis toast-link" href={toast.href}>
                  {toast.message}
                </a>
              )}
            </div>
            <button
              type="button"
              class={`btn-close${toast.tone === 'danger' || toast.tone === 'success' ? ' btn-close-white' : ''} me-2 m-auto`}
              aria-label="Dismiss message"
              onClick={() => onDismiss(toast.id)}
            />
          </div>
        </div>
      ))}
    </div>
  );
}
