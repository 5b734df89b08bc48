import type { Channel } from '../../api/types';

export const CHANNEL_PARAM = 'channel';

/** The channel filter from `?channel=<id>`: null (all) unless it is a positive integer. */
export function channelFromQuery(value: string | null): number | null {
  if (value === null || !/^[1-9]\d*$/.test(value)) return null;
  const id = Number(value);
  return Number.isSafeInteger(id) ? id : null;
}

/** The URL of the history page filtered to `channelId` (null = all). */
export function historyUrl(channelId: number | null): string {
  return channelId === null ? '/' : `/?${CHANNEL_PARAM}=${channelId}`;
}

export function isKnownChannel(channelId: number | null, channels: readonly Channel[] | null): boolean {
  return channelId === null || channels === null || channels.some((channel) => channel.id === channelId);
}
