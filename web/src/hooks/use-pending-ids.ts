import { useCallback, useState } from 'preact/hooks';

export interface PendingIds {
  /** Ids with a call in flight (their buttons wait). */
  pending: ReadonlySet<number>;
  start: (id: number) => void;
  settle: (id: number) => void;
}

/** The ids of things with a call in flight, so their buttons can wait for it. */
export function usePendingIds(): PendingIds {
  const [pending, setPending] = useState<ReadonlySet<number>>(new Set());
  const start = useCallback((id: number) => setPending((current) => new Set(current).add(id)), []);
  const settle = useCallback(
    (id: number) =>
      setPending((current) => {
        const next = new Set(current);
        next.delete(id);
        return next;
      }),
    [],
  );
  return { pending, start, settle };
}
