import { describe, expect, it } from 'vitest';
import { historyItem } from '../test/fixtures';
import { parseHistoryItem } from './parse-history-item';

describe('parseHistoryItem', () => {
  it('reads an event as the server sends it', () => {
    const item = historyItem(100001, { channel_id: 2, song_id: 7 });
    expect(parseHistoryItem(JSON.stringify(item))).toEqual(item);
  });

  it('treats a missing bookmark id as none', () => {
    const { bookmark_id: _, ...rest } = historyItem(3);
    expect(parseHistoryItem(JSON.stringify(rest))?.bookmark_id).toBe(0);
  });

  it.each([
    ['not JSON', '{'],
    ['null', 'null'],
    ['a string id', JSON.stringify({ ...historyItem(1), id: '1' })],
    ['no title', JSON.stringify({ ...historyItem(1), song_title: undefined })],
    ['a zero channel', JSON.stringify({ ...historyItem(1), channel_id: 0 })],
    ['a fractional song id', JSON.stringify({ ...historyItem(1), song_id: 1.5 })],
  ])('rejects %s', (_, data) => {
    expect(parseHistoryItem(data)).toBeNull();
  });
});
