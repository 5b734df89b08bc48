-- Search, artists and play rollups (issue 13). Everything here is kept by triggers, so every
-- writer (the store, seed scripts through Python's sqlite3 or the sqlite3 shell, importers) keeps
-- it exact in the transaction that writes the song or the airing, with no function of ours
-- registered. Timestamps are microseconds; a slot is a quarter hour: floor(created_at / 900 s).

-- The fold (case, diacritics, punctuation and whitespace) is FTS5's own unicode61 tokenizer with
-- remove_diacritics 2, the same one the title search uses, so "Sigur Rós", "sigur ros" and
-- "SIGUR  ROS" fold alike. A text is folded by indexing it in this empty contentless table and
-- reading its tokens back in order from the vocabulary; the table is emptied right after.
CREATE VIRTUAL TABLE fold_scratch USING fts5 (
  text, content = '', tokenize = 'unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE fold_scratch_terms USING fts5vocab (fold_scratch, instance);
CREATE VIEW folded (doc, fold_key) AS
  SELECT doc, group_concat(term, ' ')
  FROM (SELECT doc, term FROM fold_scratch_terms ORDER BY doc, "offset")
  GROUP BY doc;

-- Artists group the "Artist - Track" split by the folded artist; the name shown is the spelling
-- on the most songs (ties: the one seen first).
-- Artists are never removed, so plain rowids (which a skipped insert does not use up) do.
CREATE TABLE artists (
  id INTEGER PRIMARY KEY,
  fold_key TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL
);
-- A spelling folds to one key, so it names one artist: a song by a spelling already seen needs
-- no fold, which keeps recording cheap (folding costs an index write).
CREATE TABLE artist_spellings (
  spelling TEXT PRIMARY KEY,
  artist_id INTEGER NOT NULL REFERENCES artists (id),
  songs INTEGER NOT NULL,
  first_song_id INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX artist_spellings_artist ON artist_spellings (artist_id);
ALTER TABLE songs ADD COLUMN artist_id INTEGER REFERENCES artists (id);
CREATE INDEX songs_artist_id ON songs (artist_id);

-- Title search: an external-content index over songs(title); artists are searched by their
-- folded key, which every spelling of the artist shares.
CREATE VIRTUAL TABLE songs_search USING fts5 (
  title, content = 'songs', content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3');
CREATE VIRTUAL TABLE artists_search USING fts5 (
  fold_key, content = 'artists', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2');

-- Play rollups: per song, per song, week and channel, per song, quarter hour and channel, and the
-- same per artist. Rows whose plays reach 0 are removed. No foreign keys: only the triggers write
-- them, and the checks would cost every recording. Weeks are floor(created_at / 7 days), 672
-- slots, counted from the epoch.
CREATE TABLE song_plays (
  song_id INTEGER PRIMARY KEY,
  plays INTEGER NOT NULL,
  first_played_at INTEGER NOT NULL,
  last_played_at INTEGER NOT NULL
);
-- The chart walk goes down this (a song's plays in any window never exceed its total).
CREATE INDEX song_plays_plays ON song_plays (plays);
-- A song's plays per channel are the sum of its weeks (about a hundred rows for two years).
CREATE TABLE song_week_plays (
  song_id INTEGER NOT NULL,
  week INTEGER NOT NULL,
  channel_id INTEGER NOT NULL,
  plays INTEGER NOT NULL,
  last_played_at INTEGER NOT NULL,
  PRIMARY KEY (song_id, week, channel_id)
) WITHOUT ROWID;
-- Charts read each week and channel of a window most played first and stop once nothing unread
-- can enter (charts.cpp). Covering: a WITHOUT ROWID index carries the key.
CREATE INDEX song_week_plays_week ON song_week_plays (week, channel_id, plays);
CREATE TABLE song_slot_plays (
  song_id INTEGER NOT NULL,
  slot INTEGER NOT NULL,
  channel_id INTEGER NOT NULL,
  plays INTEGER NOT NULL,
  PRIMARY KEY (song_id, slot, channel_id)
) WITHOUT ROWID;
CREATE TABLE artist_plays (
  artist_id INTEGER PRIMARY KEY,
  songs INTEGER NOT NULL,  -- songs of the artist with at least one play
  plays INTEGER NOT NULL,
  last_played_at INTEGER NOT NULL
);
CREATE INDEX artist_plays_plays ON artist_plays (plays);
CREATE TABLE artist_slot_plays (
  artist_id INTEGER NOT NULL,
  slot INTEGER NOT NULL,
  channel_id INTEGER NOT NULL,
  plays INTEGER NOT NULL,
  PRIMARY KEY (artist_id, slot, channel_id)
) WITHOUT ROWID;
CREATE TABLE artist_week_plays (
  artist_id INTEGER NOT NULL,
  week INTEGER NOT NULL,
  channel_id INTEGER NOT NULL,
  plays INTEGER NOT NULL,
  PRIMARY KEY (artist_id, week, channel_id)
) WITHOUT ROWID;
CREATE INDEX artist_week_plays_week ON artist_week_plays (week, channel_id, plays);

-- How many airings were recorded with a time earlier than one recorded before them. While it is
-- 0, newest by id is newest by time, so time-window pages can walk the created_at indexes; the
-- store falls back to walking ids (exact, slower at depth) once it is not.
CREATE TABLE history_order (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  out_of_order INTEGER NOT NULL
);

-- Backfill, before the triggers exist. The grouping sorts and bulk inserts of 10M airings touch
-- far more pages than the default 2 MB cache holds; a large cache for the migration's connection
-- alone made the backfill 3-4x faster. It is set back to the store's size (connection.cpp) at
-- the end.
PRAGMA cache_size = -1048576;
-- Each distinct spelling is folded once, read back in one pass over the vocabulary.
CREATE TEMP TABLE spelling_keys (spelling TEXT PRIMARY KEY, first_song_id INTEGER, fold_key TEXT);
INSERT INTO spelling_keys (spelling, first_song_id)
  SELECT artist, min(id) FROM songs WHERE artist <> '' GROUP BY artist;
INSERT INTO fold_scratch (rowid, text) SELECT first_song_id, spelling FROM spelling_keys;
CREATE TEMP TABLE folded_keys (doc INTEGER PRIMARY KEY, fold_key TEXT);
INSERT INTO folded_keys SELECT doc, fold_key FROM folded;
INSERT INTO fold_scratch (fold_scratch) VALUES ('delete-all');
UPDATE spelling_keys SET fold_key = (
  SELECT fold_key FROM folded_keys WHERE doc = spelling_keys.first_song_id);
INSERT INTO artists (fold_key, name)
  SELECT fold_key, '' FROM spelling_keys WHERE fold_key IS NOT NULL
  GROUP BY fold_key ORDER BY min(first_song_id);
UPDATE songs SET artist_id = (
  SELECT a.id FROM spelling_keys AS k JOIN artists AS a ON a.fold_key = k.fold_key
  WHERE k.spelling = songs.artist)
  WHERE artist <> '';
DROP TABLE folded_keys;
DROP TABLE spelling_keys;
INSERT INTO artist_spellings (spelling, artist_id, songs, first_song_id)
  SELECT artist, artist_id, count(*), min(id) FROM songs WHERE artist_id IS NOT NULL
  GROUP BY artist;
UPDATE artists SET name = (
  SELECT spelling FROM artist_spellings WHERE artist_id = artists.id
  ORDER BY songs DESC, first_song_id LIMIT 1);
INSERT INTO songs_search (songs_search) VALUES ('rebuild');
INSERT INTO artists_search (artists_search) VALUES ('rebuild');

INSERT INTO song_plays (song_id, plays, first_played_at, last_played_at)
  SELECT song_id, count(*), min(created_at), max(created_at) FROM history GROUP BY song_id;
INSERT INTO song_slot_plays (song_id, slot, channel_id, plays)
  SELECT song_id, slot, channel_id, count(*)
  FROM (SELECT song_id, channel_id,
          CASE WHEN created_at >= 0 THEN created_at / 900000000
               ELSE (created_at - 899999999) / 900000000 END AS slot
        FROM history)
  GROUP BY song_id, slot, channel_id;
INSERT INTO song_week_plays (song_id, week, channel_id, plays, last_played_at)
  SELECT song_id, CASE WHEN created_at >= 0 THEN created_at / 604800000000
                       ELSE (created_at - 604799999999) / 604800000000 END AS week,
    channel_id, count(*), max(created_at)
  FROM history GROUP BY song_id, week, channel_id;
INSERT INTO artist_plays (artist_id, songs, plays, last_played_at)
  SELECT s.artist_id, count(*), sum(p.plays), max(p.last_played_at)
  FROM song_plays AS p JOIN songs AS s ON s.id = p.song_id
  WHERE s.artist_id IS NOT NULL GROUP BY s.artist_id;
INSERT INTO artist_slot_plays (artist_id, slot, channel_id, plays)
  SELECT s.artist_id, p.slot, p.channel_id, sum(p.plays)
  FROM song_slot_plays AS p CROSS JOIN songs AS s ON s.id = p.song_id
  WHERE s.artist_id IS NOT NULL GROUP BY s.artist_id, p.slot, p.channel_id;
INSERT INTO artist_week_plays (artist_id, week, channel_id, plays)
  SELECT s.artist_id, p.week, p.channel_id, sum(p.plays)
  FROM song_week_plays AS p CROSS JOIN songs AS s ON s.id = p.song_id
  WHERE s.artist_id IS NOT NULL GROUP BY s.artist_id, p.week, p.channel_id;
INSERT INTO history_order (id, out_of_order)
  SELECT 1, count(*) FROM (
    SELECT created_at, max(created_at) OVER (
      ORDER BY id ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS earlier_max
    FROM history)
  WHERE created_at < earlier_max;

-- History filters: a song's airings newest first; a time window over all channels or one.
-- Together with history_order, "what was on channel C at T" is one index seek. Built after the
-- backfill: with history(song_id, id) in place, every GROUP BY song_id above walked it and read
-- each airing's row at random (10M reads at 10M airings) instead of one pass and a sort.
CREATE INDEX history_song_id_id ON history (song_id, id);
CREATE INDEX history_created_at ON history (created_at);
CREATE INDEX history_channel_id_created_at ON history (channel_id, created_at);
PRAGMA cache_size = -65536;

-- A new song: its search entry, then its artist: by its spelling when seen before, else found or
-- created by the folded spelling.
CREATE TRIGGER songs_search_insert AFTER INSERT ON songs BEGIN
  INSERT INTO songs_search (rowid, title) VALUES (new.id, new.title);
END;
CREATE TRIGGER songs_search_delete AFTER DELETE ON songs BEGIN
  INSERT INTO songs_search (songs_search, rowid, title) VALUES ('delete', old.id, old.title);
END;
CREATE TRIGGER songs_search_update AFTER UPDATE OF title ON songs BEGIN
  INSERT INTO songs_search (songs_search, rowid, title) VALUES ('delete', old.id, old.title);
  INSERT INTO songs_search (rowid, title) VALUES (new.id, new.title);
END;
CREATE TRIGGER songs_artist AFTER INSERT ON songs WHEN new.artist <> '' BEGIN
  INSERT INTO fold_scratch (rowid, text) SELECT new.id, new.artist
    WHERE NOT EXISTS (SELECT 1 FROM artist_spellings WHERE spelling = new.artist);
  INSERT INTO artists (fold_key, name)
    SELECT fold_key, new.artist FROM folded WHERE doc = new.id AND fold_key IS NOT NULL
    ON CONFLICT (fold_key) DO NOTHING;
  UPDATE songs SET artist_id = coalesce(
      (SELECT artist_id FROM artist_spellings WHERE spelling = new.artist),
      (SELECT a.id FROM folded AS f JOIN artists AS a ON a.fold_key = f.fold_key
       WHERE f.doc = new.id))
    WHERE id = new.id;
  INSERT INTO fold_scratch (fold_scratch) SELECT 'delete-all'
    WHERE NOT EXISTS (SELECT 1 FROM artist_spellings WHERE spelling = new.artist);
  INSERT INTO artist_spellings (spelling, artist_id, songs, first_song_id)
    SELECT artist, artist_id, 1, id FROM songs WHERE id = new.id AND artist_id IS NOT NULL
    ON CONFLICT (spelling) DO UPDATE SET songs = songs + 1;
  UPDATE artists SET name = new.artist
    WHERE id = (SELECT artist_id FROM songs WHERE id = new.id) AND name <> new.artist
      AND new.artist = (SELECT spelling FROM artist_spellings WHERE artist_id = artists.id
                        ORDER BY songs DESC, first_song_id LIMIT 1);
END;
CREATE TRIGGER artists_search_insert AFTER INSERT ON artists BEGIN
  INSERT INTO artists_search (rowid, fold_key) VALUES (new.id, new.fold_key);
END;

-- An airing recorded: every rollup counts it.
CREATE TRIGGER history_rollups_insert AFTER INSERT ON history BEGIN
  UPDATE history_order SET out_of_order = out_of_order + 1
    WHERE new.created_at < (SELECT max(created_at) FROM history);
  INSERT INTO song_plays (song_id, plays, first_played_at, last_played_at)
    VALUES (new.song_id, 1, new.created_at, new.created_at)
    ON CONFLICT (song_id) DO UPDATE SET plays = plays + 1,
      first_played_at = min(first_played_at, excluded.first_played_at),
      last_played_at = max(last_played_at, excluded.last_played_at);
  INSERT INTO song_week_plays (song_id, week, channel_id, plays, last_played_at)
    VALUES (new.song_id,
      CASE WHEN new.created_at >= 0 THEN new.created_at / 604800000000
           ELSE (new.created_at - 604799999999) / 604800000000 END,
      new.channel_id, 1, new.created_at)
    ON CONFLICT (song_id, week, channel_id) DO UPDATE SET plays = plays + 1,
      last_played_at = max(last_played_at, excluded.last_played_at);
  INSERT INTO song_slot_plays (song_id, slot, channel_id, plays)
    VALUES (new.song_id,
      CASE WHEN new.created_at >= 0 THEN new.created_at / 900000000
           ELSE (new.created_at - 899999999) / 900000000 END,
      new.channel_id, 1)
    ON CONFLICT (song_id, slot, channel_id) DO UPDATE SET plays = plays + 1;
  INSERT INTO artist_plays (artist_id, songs, plays, last_played_at)
    SELECT s.artist_id, p.plays = 1, 1, new.created_at
    FROM songs AS s JOIN song_plays AS p ON p.song_id = s.id
    WHERE s.id = new.song_id AND s.artist_id IS NOT NULL
    ON CONFLICT (artist_id) DO UPDATE SET songs = songs + excluded.songs, plays = plays + 1,
      last_played_at = max(last_played_at, excluded.last_played_at);
  INSERT INTO artist_slot_plays (artist_id, slot, channel_id, plays)
    SELECT artist_id,
      CASE WHEN new.created_at >= 0 THEN new.created_at / 900000000
           ELSE (new.created_at - 899999999) / 900000000 END,
      new.channel_id, 1
    FROM songs WHERE id = new.song_id AND artist_id IS NOT NULL
    ON CONFLICT (artist_id, slot, channel_id) DO UPDATE SET plays = plays + 1;
  INSERT INTO artist_week_plays (artist_id, week, channel_id, plays)
    SELECT artist_id,
      CASE WHEN new.created_at >= 0 THEN new.created_at / 604800000000
           ELSE (new.created_at - 604799999999) / 604800000000 END,
      new.channel_id, 1
    FROM songs WHERE id = new.song_id AND artist_id IS NOT NULL
    ON CONFLICT (artist_id, week, channel_id) DO UPDATE SET plays = plays + 1;
END;

-- An airing removed (channel removal's cascade, retention): counts go down, empty rows go, and
-- the first/last times are recomputed only when the removed airing was the first or last.
CREATE TRIGGER history_rollups_delete AFTER DELETE ON history BEGIN
  UPDATE artist_plays SET plays = plays - 1,
      songs = songs - (SELECT plays = 1 FROM song_plays WHERE song_id = old.song_id)
    WHERE artist_id = (SELECT artist_id FROM songs WHERE id = old.song_id);
  UPDATE song_plays SET plays = plays - 1 WHERE song_id = old.song_id;
  DELETE FROM song_plays WHERE song_id = old.song_id AND plays <= 0;
  UPDATE song_plays SET
      first_played_at = (SELECT min(created_at) FROM history WHERE song_id = old.song_id),
      last_played_at = (SELECT max(created_at) FROM history WHERE song_id = old.song_id)
    WHERE song_id = old.song_id
      AND old.created_at IN (first_played_at, last_played_at);
  UPDATE song_week_plays SET plays = plays - 1
    WHERE song_id = old.song_id AND channel_id = old.channel_id
      AND week = CASE WHEN old.created_at >= 0 THEN old.created_at / 604800000000
                      ELSE (old.created_at - 604799999999) / 604800000000 END;
  DELETE FROM song_week_plays
    WHERE song_id = old.song_id AND channel_id = old.channel_id AND plays <= 0
      AND week = CASE WHEN old.created_at >= 0 THEN old.created_at / 604800000000
                      ELSE (old.created_at - 604799999999) / 604800000000 END;
  UPDATE song_week_plays SET last_played_at = (
      SELECT max(created_at) FROM history
      WHERE song_id = old.song_id AND channel_id = old.channel_id
        AND created_at >= song_week_plays.week * 604800000000
        AND created_at < (song_week_plays.week + 1) * 604800000000)
    WHERE song_id = old.song_id AND channel_id = old.channel_id
      AND week = CASE WHEN old.created_at >= 0 THEN old.created_at / 604800000000
                      ELSE (old.created_at - 604799999999) / 604800000000 END
      AND last_played_at = old.created_at;
  UPDATE song_slot_plays SET plays = plays - 1
    WHERE song_id = old.song_id AND channel_id = old.channel_id
      AND slot = CASE WHEN old.created_at >= 0 THEN old.created_at / 900000000
                      ELSE (old.created_at - 899999999) / 900000000 END;
  DELETE FROM song_slot_plays WHERE song_id = old.song_id AND channel_id = old.channel_id
    AND slot = CASE WHEN old.created_at >= 0 THEN old.created_at / 900000000
                    ELSE (old.created_at - 899999999) / 900000000 END
    AND plays <= 0;
  DELETE FROM artist_plays WHERE plays <= 0
    AND artist_id = (SELECT artist_id FROM songs WHERE id = old.song_id);
  UPDATE artist_plays SET last_played_at = (
      SELECT max(p.last_played_at) FROM song_plays AS p JOIN songs AS s ON s.id = p.song_id
      WHERE s.artist_id = artist_plays.artist_id)
    WHERE artist_id = (SELECT artist_id FROM songs WHERE id = old.song_id)
      AND last_played_at = old.created_at;
  UPDATE artist_slot_plays SET plays = plays - 1
    WHERE artist_id = (SELECT artist_id FROM songs WHERE id = old.song_id)
      AND channel_id = old.channel_id
      AND slot = CASE WHEN old.created_at >= 0 THEN old.created_at / 900000000
                      ELSE (old.created_at - 899999999) / 900000000 END;
  DELETE FROM artist_slot_plays WHERE plays <= 0
    AND artist_id = (SELECT artist_id FROM songs WHERE id = old.song_id)
    AND channel_id = old.channel_id
    AND slot = CASE WHEN old.created_at >= 0 THEN old.created_at / 900000000
                    ELSE (old.created_at - 899999999) / 900000000 END;
  UPDATE artist_week_plays SET plays = plays - 1
    WHERE artist_id = (SELECT artist_id FROM songs WHERE id = old.song_id)
      AND channel_id = old.channel_id
      AND week = CASE WHEN old.created_at >= 0 THEN old.created_at / 604800000000
                      ELSE (old.created_at - 604799999999) / 604800000000 END;
  DELETE FROM artist_week_plays WHERE plays <= 0
    AND artist_id = (SELECT artist_id FROM songs WHERE id = old.song_id)
    AND channel_id = old.channel_id
    AND week = CASE WHEN old.created_at >= 0 THEN old.created_at / 604800000000
                    ELSE (old.created_at - 604799999999) / 604800000000 END;
END;
