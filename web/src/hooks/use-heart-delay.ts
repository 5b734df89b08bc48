import { useCallback, useState } from 'preact/hooks';
import { readHeartDelay, writeHeartDelay, type DelayStorage } from '../history/heart-delay';

/** localStorage, or null where reading it throws (blocked storage). */
export function localStorageOrNull(): DelayStorage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/** The heart's delay setting in seconds (0 = off), kept in this browser. */
export function useHeartDelay(): [number, (seconds: number) => void] {
  const [seconds, setSeconds] = useState(() => readHeartDelay(localStorageOrNull()));
  const change = useCallback((next: number) => {
    writeHeartDelay(localStorageOrNull(), next);
    setSeconds(readHeartDelay(localStorageOrNull()));
  }, []);
  return [seconds, change];
}
