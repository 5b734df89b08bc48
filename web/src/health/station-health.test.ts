import { describe, expect, it } from 'vitest';
import type { ChannelStatus, HistoryGap } from '../api/types';
import {
  currentStatus,
  describeChannelStatus,
  describeGap,
  parseChannelEvent,
  parseChannelRemoval,
  statusTimeFormatter,
} from './station-health';

const NOW = new Date('2026-12-05T18:00:00Z');
const inBucharest = statusTimeFormatter('en-GB', 'Europe/Bucharest', NOW);

function status(overrides: Partial<ChannelStatus>): ChannelStatus {
  return { state: 'ok', since: null, last_poll_at: null, last_change_at: null, error: null, ...overrides };
}

function gap(overrides: Partial<HistoryGap> = {}): HistoryGap {
  return {
    type: 'gap',
    channel_id: 1,
    started_at: '2026-12-05T14:52:00+00:00',
    ended_at: '2026-12-05T15:07:30+00:00',
    reason: 'connection refused',
    ...overrides,
  };
}

describe('statusTimeFormatter', () => {
  it("shows the time alone on the viewer's day, in the viewer's zone", () => {
    expect(inBucharest('2026-12-05T14:52:10.123456+00:00')).toBe('16:52');
  });

  it('adds the date on another day (of the zone, not of UTC)', () => {
    expect(inBucharest('2026-12-04T14:52:00+00:00')).toBe('4 Dec 2026, 16:52');
    expect(statusTimeFormatter('en-GB', 'Pacific/Kiritimati', NOW)('2026-12-05T09:00:00Z')).toBe('5 Dec 2026, 23:00');
  });

  it('shows text that is not a timestamp as it came', () => {
    expect(inBucharest('later')).toBe('later');
  });
});

describe('describeChannelStatus', () => {
  it('says since when and why a failing station is unreachable', () => {
    const failing = status({ state: 'failing', since: '2026-12-05T14:52:00+00:00', error: 'connection refused' });
    expect(describeChannelStatus(failing, inBucharest)).toBe('Unreachable since 16:52 — connection refused');
  });

  it('says paused and not polled yet', () => {
    expect(describeChannelStatus(status({ state: 'paused', since: '2026-12-05T14:52:00+00:00' }), inBucharest)).toBe('Paused');
    expect(describeChannelStatus(status({ state: 'pending' }), inBucharest)).toBe('Not polled yet');
  });

  it('says nothing for a working channel, nor for a server that sends no status (the original)', () => {
    expect(describeChannelStatus(status({ state: 'ok' }), inBucharest)).toBeNull();
    expect(describeChannelStatus(undefined, inBucharest)).toBeNull();
  });
});

describe('describeGap', () => {
  it('names the span and the reason', () => {
    expect(describeGap(gap(), inBucharest)).toBe('No data 16:52–17:07: station unreachable (connection refused)');
  });

  it('says since when while it lasts', () => {
    expect(describeGap(gap({ ended_at: null, reason: 'HTTP 503' }), inBucharest)).toBe(
      'No data since 16:52: station unreachable (HTTP 503)',
    );
  });
});

describe('parseChannelEvent', () => {
  const channel = { id: 2, name: 'green', url: 'http://127.0.0.1:1/green', format: 'voscast' };

  it('reads a channel with its status', () => {
    const data = JSON.stringify({ ...channel, status: status({ state: 'failing', since: 'x', error: 'timeout' }) });
    expect(parseChannelEvent(data)).toEqual({ ...channel, status: status({ state: 'failing', since: 'x', error: 'timeout' }) });
  });

  it('ignores anything malformed', () => {
    for (const data of [
      'nope',
      'null',
      JSON.stringify(channel),
      JSON.stringify({ ...channel, id: 0, status: status({}) }),
      JSON.stringify({ ...channel, status: { ...status({}), state: 'broken' } }),
      JSON.stringify({ ...channel, status: { ...status({}), error: 42 } }),
    ]) {
      expect(parseChannelEvent(data)).toBeNull();
    }
  });
});

describe('parseChannelRemoval', () => {
  it('reads the id of a removed channel', () => {
    expect(parseChannelRemoval('{"id": 4, "removed": true}')).toBe(4);
  });

  it('is null for a status change and anything malformed', () => {
    for (const data of [
      'nope',
      'null',
      JSON.stringify({ id: 2, name: 'green', url: 'u', status: status({}) }),
      '{"id": 0, "removed": true}',
      '{"id": 1.5, "removed": true}',
      '{"id": "4", "removed": true}',
      '{"id": 4, "removed": "yes"}',
      '{"id": 4, "removed": false}',
    ]) {
      expect(parseChannelRemoval(data)).toBeNull();
    }
  });
});

describe('currentStatus', () => {
  it('prefers a live status over the one the channels came with', () => {
    const channel = { id: 1, name: 'red', url: 'u', status: status({ state: 'ok' }) };
    expect(currentStatus(channel, new Map())).toEqual(status({ state: 'ok' }));
    expect(currentStatus(channel, new Map([[1, status({ state: 'paused' })]]))?.state).toBe('paused');
  });
});
