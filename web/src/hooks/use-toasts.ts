import { createContext } from 'preact';
import { useCallback, useContext, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { isAbort } from '../api/client';
import { ApiError } from '../api/errors';

export type ToastTone = 'danger' | 'success' | 'info';

export interface Toast {
  id: number;
  message: string;
  tone: ToastTone;
  /** Where the message leads (the whole message is the link). */
  href?: string;
}

export interface ToastOptions {
  href?: string;
  /** How long it stays, instead of the default. */
  timeoutMs?: number;
}

export interface ToastApi {
  show: (message: string, tone?: ToastTone, options?: ToastOptions) => void;
  /** Shows what went wrong in a call; a cancelled call is not an error. */
  showError: (error: unknown) => void;
}

export const ToastContext = createContext<ToastApi>({ show: () => undefined, showError: () => undefined });

export function useToasts(): ToastApi {
  return useContext(ToastContext);
}

export function messageOf(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return 'Something went wrong. Please try again.';
}

export const TOAST_TIMEOUT_MS = 6_000;

/** The toasts on screen, for the provider in app.tsx. One message is shown once even when several calls fail alike. */
export function useToastState(timeoutMs = TOAST_TIMEOUT_MS) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const nextId = useRef(1);
  const timers = useRef(new Map<number, ReturnType<typeof setTimeout>>());

  const dismiss = useCallback((id: number) => {
    const timer = timers.current.get(id);
    if (timer !== undefined) clearTimeout(timer);
    timers.current.delete(id);
    setToasts((shown) => shown.filter((toast) => toast.id !== id));
  }, []);

  const show = useCallback(
    (message: string, tone: ToastTone = 'danger', options: ToastOptions = {}) => {
      const id = nextId.current++;
      const toast: Toast = options.href === undefined ? { id, message, tone } : { id, message, tone, href: options.href };
      setToasts((shown) => (shown.some((existing) => existing.message === message) ? shown : [...shown, toast]));
      timers.current.set(
        id,
        setTimeout(() => dismiss(id), options.timeoutMs ?? timeoutMs),
      );
    },
    [dismiss, timeoutMs],
  );

  const showError = useCallback(
    (error: unknown) => {
      if (!isAbort(error)) show(messageOf(error), 'danger');
    },
    [show],
  );

  useEffect(() => {
    const pending = timers.current;
    return () => {
      for (const timer of pending.values()) clearTimeout(timer);
      pending.clear();
    };
  }, []);

  const api = useMemo<ToastApi>(() => ({ show, showError }), [show, showError]);
  return { toasts, dismiss, api };
}
