import { describe, expect, it } from 'vitest';
import { historyItem } from '../test/fixtures';
import { latestId, setNowPlayingBookmark, updateNowPlaying, type NowPlaying } from './now-playing';

describe('now playing', () => {
  it('takes the first item of a channel', () => {
    const next = updateNowPlaying(new Map(), historyItem(5, { channel_id: 2 }));
    expect(next.get(2)?.id).toBe(5);
  });

  it('replaces a channel entry with a newer item and leaves other channels alone', () => {
    let nowPlaying: NowPlaying = new Map();
    nowPlaying = updateNowPlaying(nowPlaying, historyItem(5, { channel_id: 1 }));
    nowPlaying = updateNowPlaying(nowPlaying, historyItem(6, { channel_id: 2 }));
    nowPlaying = updateNowPlaying(nowPlaying, historyItem(7, { channel_id: 1 }));
    expect(nowPlaying.get(1)?.id).toBe(7);
    expect(nowPlaying.get(2)?.id).toBe(6);
  });

  it('ignores an older or repeated item', () => {
    const nowPlaying = updateNowPlaying(new Map(), historyItem(9, { channel_id: 1 }));
    expect(updateNowPlaying(nowPlaying, historyItem(8, { channel_id: 1 }))).toBe(nowPlaying);
    expect(updateNowPlaying(nowPlaying, historyItem(9, { channel_id: 1 }))).toBe(nowPlaying);
  });

  it('knows the newest id across channels', () => {
    expect(latestId(new Map())).toBeNull();
    let nowPlaying: NowPlaying = updateNowPlaying(new Map(), historyItem(12, { channel_id: 1 }));
    nowPlaying = updateNowPlaying(nowPlaying, historyItem(30, { channel_id: 3 }));
    expect(latestId(nowPlaying)).toBe(30);
  });

  it('follows bookmark changes of the song playing', () => {
    const nowPlaying = updateNowPlaying(new Map(), historyItem(4, { channel_id: 1, song_id: 77 }));
    const marked = setNowPlayingBookmark(nowPlaying, 77, 3);
    expect(marked.get(1)?.bookmark_id).toBe(3);
    expect(setNowPlayingBookmark(marked, 1, 3)).toBe(marked);
    expect(setNowPlayingBookmark(marked, 77, 0).get(1)?.bookmark_id).toBe(0);
  });
});
