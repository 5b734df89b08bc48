import { describe, expect, it } from 'vitest';
import type { Watch } from '../api/types';
import { describeWatch, findWatch, normalizeWatchText, targetKey } from './watch-targets';

function watch(id: number, overrides: Partial<Watch>): Watch {
  return {
    id,
    kind: 'text',
    value: 'love',
    song_id: null,
    channel_id: null,
    created_at: '2026-12-05T07:00:00+00:00',
    feed_url: 'http://h/feeds/watches/t.atom',
    ...overrides,
  };
}

describe('watch targets', () => {
  it('compares texts without case, diacritics or extra spaces', () => {
    expect(normalizeWatchText('  Sigur   RÓS ')).toBe('sigur ros');
    expect(targetKey({ kind: 'artist', value: 'Sigur Rós' })).toBe(targetKey({ kind: 'artist', value: 'sigur ros' }));
    expect(targetKey({ kind: 'artist', value: 'Sigur Rós' })).not.toBe(targetKey({ kind: 'text', value: 'Sigur Rós' }));
    expect(targetKey({ kind: 'song', song_id: 4 })).not.toBe(targetKey({ kind: 'song', song_id: 4, channel_id: 2 }));
  });

  it('finds the watch of a song by id, of an artist or words by value, on the same channel only', () => {
    const watches = [
      watch(1, { kind: 'song', song_id: 40, value: 'Air - Playground Love' }),
      watch(2, { kind: 'artist', value: 'Sigur Rós' }),
      watch(3, { kind: 'text', value: 'love', channel_id: 2 }),
    ];
    expect(findWatch(watches, { kind: 'song', song_id: 40 })?.id).toBe(1);
    expect(findWatch(watches, { kind: 'song', song_id: 41 })).toBeUndefined();
    expect(findWatch(watches, { kind: 'artist', value: 'SIGUR ROS' })?.id).toBe(2);
    expect(findWatch(watches, { kind: 'text', value: 'love' })).toBeUndefined();
    expect(findWatch(watches, { kind: 'text', value: 'Love', channel_id: 2 })?.id).toBe(3);
  });

  it('describes each kind', () => {
    expect(describeWatch({ kind: 'song', value: 'Air - Playground Love' })).toBe('Air - Playground Love');
    expect(describeWatch({ kind: 'artist', value: 'Air' })).toBe('songs by Air');
    expect(describeWatch({ kind: 'text', value: 'love' })).toBe('titles with “love”');
  });
});
