-- Station health (issue 14): each channel's current state and its outages. The crawler holding a
-- channel's lease writes a row here only when the state or the error changes (and last_poll_at,
-- which it flushes in batches; see docs/decisions/station-health.md). A channel without a row has
-- not been polled yet ("pending"). Timestamps are microseconds, as everywhere.
CREATE TABLE channel_status (
  channel_id INTEGER PRIMARY KEY REFERENCES channels (id) ON DELETE CASCADE,
  state TEXT NOT NULL CHECK (state IN ('ok', 'failing', 'paused')),
  since INTEGER NOT NULL,
  last_poll_at INTEGER NOT NULL,
  last_change_at INTEGER NOT NULL,
  error TEXT CHECK ((state = 'failing') = (error IS NOT NULL))
);

CREATE TABLE outages (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  channel_id INTEGER NOT NULL REFERENCES channels (id) ON DELETE CASCADE,
  started_at INTEGER NOT NULL,
  ended_at INTEGER CHECK (ended_at IS NULL OR ended_at >= started_at),
  reason TEXT NOT NULL
);
-- At most one open outage per channel, whichever crawler writes it.
CREATE UNIQUE INDEX outages_one_open ON outages (channel_id) WHERE ended_at IS NULL;
-- A channel's outages newest first, and all channels' by time (history pages with gaps).
CREATE INDEX outages_channel_id_started_at ON outages (channel_id, started_at);
CREATE INDEX outages_started_at ON outages (started_at);
