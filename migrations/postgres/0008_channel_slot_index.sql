-- One channel's chart sums that channel's quarter hours in a window. The slot index, led by the
-- slot, read every channel's rows of the window to keep one channel's (at 10 million airings on
-- three channels, 100,000 entries read for a week's 33,000). Led by the channel, as SQLite's
-- since its 0007, it reads only that channel's, and a window over every channel is one range per
-- channel. It replaces the old index, so recording writes as many index entries as before.
SET LOCAL maintenance_work_mem = '512MB';

CREATE INDEX song_slot_plays_channel_slot ON song_slot_plays (channel_id, slot)
  INCLUDE (song_id, plays);
DROP INDEX song_slot_plays_slot;
CREATE INDEX artist_slot_plays_channel_slot ON artist_slot_plays (channel_id, slot)
  INCLUDE (artist_id, plays);
DROP INDEX artist_slot_plays_slot;
