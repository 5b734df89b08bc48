import { describe, expect, it } from 'vitest';
import { CHANNELS } from '../../test/fixtures';
import { channelFromQuery, historyUrl, isKnownChannel } from './selected-channel';

describe('channel filter in the URL', () => {
  it('reads positive integers only', () => {
    expect(channelFromQuery('2')).toBe(2);
    expect(channelFromQuery(null)).toBeNull();
    for (const bad of ['', '0', '-1', '1.5', 'red', '02', '99999999999999999999']) expect(channelFromQuery(bad)).toBeNull();
  });

  it('writes the filter back', () => {
    expect(historyUrl(null)).toBe('/');
    expect(historyUrl(3)).toBe('/?channel=3');
  });

  it('knows a channel once the channels are loaded, and trusts the URL until then', () => {
    expect(isKnownChannel(2, CHANNELS)).toBe(true);
    expect(isKnownChannel(9, CHANNELS)).toBe(false);
    expect(isKnownChannel(9, null)).toBe(true);
    expect(isKnownChannel(null, CHANNELS)).toBe(true);
  });
});
