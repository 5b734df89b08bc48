-- Charts sum the quarter hours at a window's edges per channel in time order when many subjects
-- tie (charts.cpp): a range of this index per channel instead of a seek per subject. Covering: a
-- WITHOUT ROWID index carries the key (song_id / artist_id), and `plays` is in it. PostgreSQL has
-- had the same index since 0002. Recording adds one entry per new quarter-hour row (a subject
-- played again in the same quarter hour and channel moves its entry).
CREATE INDEX song_slot_plays_slot ON song_slot_plays (channel_id, slot, plays);
CREATE INDEX artist_slot_plays_slot ON artist_slot_plays (channel_id, slot, plays);
