// The station emulator (tests/support/stations/emulator.py): what each channel's source plays.
import { environment } from './environment';

/** Makes `station` announce `title` from now on; the crawler picks it up on its next round. */
export async function playOnStation(station: string, title: string): Promise<void> {
  const response = await fetch(`${environment.emulatorUrl}/control/${encodeURIComponent(station)}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ title }),
  });
  if (!response.ok) throw new Error(`the station emulator refused ${title} for ${station}: ${response.status}`);
}

let counter = 0;

/** A title no station has played yet in this run, so its appearance can only come from now. */
export function freshTitle(label: string): string {
  counter += 1;
  return `${label} Artist - Fresh Track ${process.pid}-${Date.now().toString(36)}-${counter}`;
}

/** What `station` announces now. */
export async function titleOnStation(station: string): Promise<string> {
  const response = await fetch(`${environment.emulatorUrl}/control/${encodeURIComponent(station)}`);
  if (!response.ok) throw new Error(`the station emulator does not know ${station}: ${response.status}`);
  return ((await response.json()) as { title: string }).title;
}

/** How a station answers (the emulator's modes): 'ok', or a failure such as '500' (an HTTP 500) or 'hang'. */
export async function setStationMode(station: string, mode: 'ok' | '500' | 'hang'): Promise<void> {
  const response = await fetch(`${environment.emulatorUrl}/control/${encodeURIComponent(station)}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ mode }),
  });
  if (!response.ok) throw new Error(`the station emulator refused mode ${mode} for ${station}: ${response.status}`);
}

/** How many requests `station` has answered: grows with every poll of it. */
export async function requestsToStation(station: string): Promise<number> {
  const response = await fetch(`${environment.emulatorUrl}/control/${encodeURIComponent(station)}`);
  if (!response.ok) throw new Error(`the station emulator does not know ${station}: ${response.status}`);
  return ((await response.json()) as { requests: number }).requests;
}
