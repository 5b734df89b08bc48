/** A section that failed to load, with a way to try again. */
export function ErrorAlert({ message, onRetry }: { message: string; onRetry?: () => void }) {
  return (
    <div class="alert alert-danger d-flex flex-wrap align-items-center gap-2" role="alert">
      <span class="me-auto">{message}</span>
      {onRetry && (
        <button type="button" class="btn btn-sm btn-outline-danger" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}
