import { describe, expect, it } from 'vitest';
import { historyItem } from '../test/fixtures';
import {
  DEFAULT_HEART_DELAY_SECONDS,
  HEART_DELAY_KEY,
  parseHeartDelay,
  readHeartDelay,
  shouldAskWhich,
  writeHeartDelay,
} from './heart-delay';

const CHANGED = '2026-12-05T07:00:00.000Z';
const at = (seconds: number) => Date.parse(CHANGED) + seconds * 1000;

describe('the delay-aware heart', () => {
  const item = historyItem(5, { created_at: CHANGED });

  it('asks within the delay after the card changed, not after it', () => {
    expect(shouldAskWhich(item, at(0), 30)).toBe(true);
    expect(shouldAskWhich(item, at(29.9), 30)).toBe(true);
    expect(shouldAskWhich(item, at(30), 30)).toBe(false);
    expect(shouldAskWhich(item, at(300), 30)).toBe(false);
    expect(shouldAskWhich(item, at(45), 60)).toBe(true);
  });

  it('asks for a card stamped slightly ahead of this clock', () => {
    expect(shouldAskWhich(item, at(-2), 30)).toBe(true);
  });

  it('never asks with the setting at 0, to remove a bookmark, or without a usable time', () => {
    expect(shouldAskWhich(item, at(1), 0)).toBe(false);
    expect(shouldAskWhich({ ...item, bookmark_id: 9 }, at(1), 30)).toBe(false);
    expect(shouldAskWhich({ ...item, created_at: 'soon' }, at(1), 30)).toBe(false);
  });

  it('reads the setting, falling back to the default', () => {
    expect(parseHeartDelay(null)).toBe(DEFAULT_HEART_DELAY_SECONDS);
    expect(parseHeartDelay('0')).toBe(0);
    expect(parseHeartDelay(' 45 ')).toBe(45);
    expect(parseHeartDelay('9999')).toBe(120);
    expect(parseHeartDelay('-3')).toBe(DEFAULT_HEART_DELAY_SECONDS);
    expect(parseHeartDelay('ten')).toBe(DEFAULT_HEART_DELAY_SECONDS);
  });

  it('stores the setting, and survives storage that refuses', () => {
    const stored = new Map<string, string>();
    const storage = {
      getItem: (key: string) => stored.get(key) ?? null,
      setItem: (key: string, value: string) => void stored.set(key, value),
    };
    expect(writeHeartDelay(storage, 12.4)).toBe(true);
    expect(stored.get(HEART_DELAY_KEY)).toBe('12');
    expect(readHeartDelay(storage)).toBe(12);
    const broken = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('denied');
      },
    };
    expect(readHeartDelay(broken)).toBe(DEFAULT_HEART_DELAY_SECONDS);
    expect(writeHeartDelay(broken, 5)).toBe(false);
    expect(readHeartDelay(null)).toBe(DEFAULT_HEART_DELAY_SECONDS);
  });
});
