import { useMemo } from 'preact/hooks';
import { localDateTimeFormatter } from '../history/timestamps';

/** One local date-time formatter for a component's whole list. */
export function useDateTimeFormat(): (text: string) => string {
  return useMemo(() => localDateTimeFormatter(), []);
}
