import { describe, expect, it } from 'vitest';
import { soundcloudSearchUrl, youtubeSearchUrl } from './search-links';

describe('search links', () => {
  it('searches YouTube for the title, encoded', () => {
    const url = new URL(youtubeSearchUrl('Röyksopp - Eple & more?'));
    expect(url.origin + url.pathname).toBe('https://www.youtube.com/results');
    expect(url.searchParams.get('search_query')).toBe('Röyksopp - Eple & more?');
  });

  it('searches SoundCloud for the title, encoded', () => {
    const url = new URL(soundcloudSearchUrl('A/B #1'));
    expect(url.origin + url.pathname).toBe('https://soundcloud.com/search');
    expect(url.searchParams.get('q')).toBe('A/B #1');
  });
});
