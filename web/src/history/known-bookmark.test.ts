import { describe, expect, it } from 'vitest';
import { historyItem } from '../test/fixtures';
import { withKnownBookmark } from './known-bookmark';

describe('withKnownBookmark', () => {
  it('copies the bookmark id from another play of the same song', () => {
    const live = historyItem(10, { song_id: 5 });
    expect(withKnownBookmark(live, [historyItem(3, { song_id: 5, bookmark_id: 8 })]).bookmark_id).toBe(8);
  });

  it('leaves an item alone when no play of its song is bookmarked', () => {
    const live = historyItem(10, { song_id: 5 });
    expect(withKnownBookmark(live, [historyItem(3, { song_id: 6, bookmark_id: 8 }), historyItem(2, { song_id: 5 })])).toBe(live);
  });

  it('keeps a bookmark id the item already has', () => {
    const live = historyItem(10, { song_id: 5, bookmark_id: 1 });
    expect(withKnownBookmark(live, [historyItem(3, { song_id: 5, bookmark_id: 8 })])).toBe(live);
  });
});
