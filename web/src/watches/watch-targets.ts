import type { Watch, WatchDraft } from '../api/types';

// What a bell watches, and whether a watch of the user's is that one. The server decides
// what is "the same watch" (its normalised value); this mirrors it closely enough for a
// bell to show its pressed state: case, diacritics and runs of spaces do not count.

/** A text as watches compare it: no diacritics, lower case, single spaces, trimmed. */
export function normalizeWatchText(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** One key per distinct watch target (kind, song or normalised value, channel), for pending sets and lookups. */
export function targetKey(draft: WatchDraft): string {
  const what = draft.kind === 'song' ? String(draft.song_id) : normalizeWatchText(draft.value);
  return `${draft.kind}:${what}:${draft.channel_id ?? ''}`;
}

/** The key of an existing watch, comparable with targetKey. */
export function watchKey(watch: Watch): string {
  if (watch.kind === 'song' && watch.song_id !== null)
    return targetKey({ kind: 'song', song_id: watch.song_id, channel_id: watch.channel_id });
  return targetKey({ kind: watch.kind === 'song' ? 'text' : watch.kind, value: watch.value, channel_id: watch.channel_id });
}

/** The user's watch of exactly this target, if any. */
export function findWatch(watches: readonly Watch[], draft: WatchDraft): Watch | undefined {
  const key = targetKey(draft);
  return watches.find((watch) => watchKey(watch) === key);
}

/** How a watch reads in a list or a label: the song's title, the artist, or the words in quotes. */
export function describeWatch(watch: Pick<Watch, 'kind' | 'value'>): string {
  switch (watch.kind) {
    case 'song':
      return watch.value;
    case 'artist':
      return `songs by ${watch.value}`;
    case 'text':
      return `titles with “${watch.value}”`;
  }
}

export const WATCH_KIND_NAMES: Record<Watch['kind'], string> = { song: 'Song', artist: 'Artist', text: 'Words' };
