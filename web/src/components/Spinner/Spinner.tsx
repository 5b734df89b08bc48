/** A loading indicator; `label` is what screen readers hear. */
export function Spinner({ label = 'Loading…', small = false }: { label?: string; small?: boolean }) {
  return (
    <span class={`spinner-border${small ? ' spinner-border-sm' : ''}`} role="status">
      <span class="visually-hidden">{label}</span>
    </span>
  );
}

/** A spinner centred in its own block, for a section that is loading. */
export function LoadingBlock({ label = 'Loading…' }: { label?: string }) {
  return (
    <div class="d-flex justify-content-center py-4">
      <Spinner label={label} />
    </div>
  );
}
