import { describe, expect, it } from 'vitest';
import { historyItem } from '../test/fixtures';
import { parseWatchEvent } from './parse-watch-event';

describe('parseWatchEvent', () => {
  const item = historyItem(7, { song_id: 40, song_title: 'Sigur Rós - Hoppípolla', channel_id: 2 });

  it('reads the watch and the airing that matched it', () => {
    expect(parseWatchEvent(JSON.stringify({ watch_id: 3, kind: 'artist', value: 'sigur ros', item }))).toEqual({
      watch_id: 3,
      kind: 'artist',
      value: 'sigur ros',
      item: { ...item, bookmark_id: 0 },
    });
  });

  it('drops malformed data', () => {
    expect(parseWatchEvent('not json')).toBeNull();
    expect(parseWatchEvent('null')).toBeNull();
    expect(parseWatchEvent(JSON.stringify({ watch_id: 0, kind: 'artist', value: 'x', item }))).toBeNull();
    expect(parseWatchEvent(JSON.stringify({ watch_id: 3, kind: 'genre', value: 'x', item }))).toBeNull();
    expect(parseWatchEvent(JSON.stringify({ watch_id: 3, kind: 'text', value: 4, item }))).toBeNull();
    expect(parseWatchEvent(JSON.stringify({ watch_id: 3, kind: 'text', value: 'x' }))).toBeNull();
    expect(parseWatchEvent(JSON.stringify({ watch_id: 3, kind: 'text', value: 'x', item: { ...item, id: 'seven' } }))).toBeNull();
  });
});
