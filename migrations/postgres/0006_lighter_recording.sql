-- Charts by week, and the day rollups out of the recording (issue 13's goals at 10 million
-- airings; the name is shared with SQLite's 0006, which makes recording lighter its own way).
-- A week's chart summed some 100,000 quarter-hour rows. Plays per subject and week over all
-- channels, with an index most played first within each week, let a chart count only the few
-- subjects that can still make its top (docs/decisions/search-and-rollups.md). Weeks also
-- replace days inside long windows, so the day rollups, which only charts read, go.
-- week = floor(slot / 672): seven days of quarter hours, counted from slot 0 (a Thursday).
CREATE FUNCTION nicecream_week(bigint) RETURNS bigint
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  RETURN pg_catalog.floor($1 / 672.0)::bigint;

SET LOCAL work_mem = '256MB';
SET LOCAL maintenance_work_mem = '512MB';

CREATE TABLE song_week_plays (
  song_id bigint NOT NULL,
  week bigint NOT NULL,
  plays bigint NOT NULL
);
CREATE TABLE artist_week_plays (
  artist_id bigint NOT NULL,
  week bigint NOT NULL,
  plays bigint NOT NULL
);
INSERT INTO song_week_plays (song_id, week, plays)
SELECT song_id, nicecream_week(slot), sum(plays) FROM song_slot_plays GROUP BY 1, 2;
INSERT INTO artist_week_plays (artist_id, week, plays)
SELECT artist_id, nicecream_week(slot), sum(plays) FROM artist_slot_plays GROUP BY 1, 2;
-- A subject's weeks carry their plays, so a window's whole weeks are read from the index alone;
-- a week's subjects most played first are a range of the second index.
ALTER TABLE song_week_plays ADD PRIMARY KEY (song_id, week) INCLUDE (plays);
ALTER TABLE artist_week_plays ADD PRIMARY KEY (artist_id, week) INCLUDE (plays);
CREATE INDEX song_week_plays_week ON song_week_plays (week, plays DESC) INCLUDE (song_id);
CREATE INDEX artist_week_plays_week ON artist_week_plays (week, plays DESC) INCLUDE (artist_id);

DROP TABLE song_day_plays;
DROP TABLE artist_day_plays;
DROP FUNCTION nicecream_day(bigint);

CREATE OR REPLACE FUNCTION nicecream_history_added() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  played_slot bigint := nicecream_slot(NEW.created_at);
  played_week bigint := nicecream_week(played_slot);
  played_month bigint := nicecream_month(played_slot);
  played_artist bigint := (SELECT artist_id FROM songs WHERE id = NEW.song_id);
  first_play boolean;
BEGIN
  -- Recorders already take ids one at a time (the store's advisory lock), so the single row
  -- adds no wait; it is written only when an airing comes out of order.
  UPDATE history_order SET out_of_order = out_of_order + 1
  WHERE NEW.created_at < (SELECT max(h.created_at) FROM history AS h WHERE h.id < NEW.id);

  INSERT INTO song_plays AS p (song_id, plays, first_played_at, last_played_at)
  VALUES (NEW.song_id, 1, NEW.created_at, NEW.created_at)
  ON CONFLICT (song_id) DO UPDATE SET
    plays = p.plays + 1,
    first_played_at = least(p.first_played_at, EXCLUDED.first_played_at),
    last_played_at = greatest(p.last_played_at, EXCLUDED.last_played_at)
  RETURNING p.plays = 1 INTO first_play;

  INSERT INTO song_channel_plays AS p (song_id, channel_id, plays, last_played_at)
  VALUES (NEW.song_id, NEW.channel_id, 1, NEW.created_at)
  ON CONFLICT (song_id, channel_id) DO UPDATE SET
    plays = p.plays + 1, last_played_at = greatest(p.last_played_at, EXCLUDED.last_played_at);

  INSERT INTO song_slot_plays AS p (song_id, slot, channel_id, plays)
  VALUES (NEW.song_id, played_slot, NEW.channel_id, 1)
  ON CONFLICT (song_id, slot, channel_id) DO UPDATE SET plays = p.plays + 1;
  INSERT INTO song_week_plays AS p (song_id, week, plays)
  VALUES (NEW.song_id, played_week, 1)
  ON CONFLICT (song_id, week) DO UPDATE SET plays = p.plays + 1;
  INSERT INTO song_month_plays AS p (song_id, month, channel_id, plays)
  VALUES (NEW.song_id, played_month, NEW.channel_id, 1)
  ON CONFLICT (song_id, month, channel_id) DO UPDATE SET plays = p.plays + 1;

  IF played_artist IS NOT NULL THEN
    INSERT INTO artist_plays AS p (artist_id, songs, plays, last_played_at)
    VALUES (played_artist, CASE WHEN first_play THEN 1 ELSE 0 END, 1, NEW.created_at)
    ON CONFLICT (artist_id) DO UPDATE SET
      songs = p.songs + EXCLUDED.songs,
      plays = p.plays + 1,
      last_played_at = greatest(p.last_played_at, EXCLUDED.last_played_at);

    INSERT INTO artist_slot_plays AS p (artist_id, slot, channel_id, plays)
    VALUES (played_artist, played_slot, NEW.channel_id, 1)
    ON CONFLICT (artist_id, slot, channel_id) DO UPDATE SET plays = p.plays + 1;
    INSERT INTO artist_week_plays AS p (artist_id, week, plays)
    VALUES (played_artist, played_week, 1)
    ON CONFLICT (artist_id, week) DO UPDATE SET plays = p.plays + 1;
    INSERT INTO artist_month_plays AS p (artist_id, month, channel_id, plays)
    VALUES (played_artist, played_month, NEW.channel_id, 1)
    ON CONFLICT (artist_id, month, channel_id) DO UPDATE SET plays = p.plays + 1;
  END IF;
  RETURN NULL;
END
$$;

-- Removed airings count down as in 0002; weeks instead of days.
CREATE OR REPLACE FUNCTION nicecream_history_removed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  rollup text;
  subject text;
BEGIN
  FOR rollup, subject IN VALUES
      ('song_week_plays', 'song_id'), ('artist_week_plays', 'artist_id') LOOP
    EXECUTE format($sql$
      WITH removed AS (
        SELECT s.artist_id, o.song_id, nicecream_week(nicecream_slot(o.created_at)) AS week,
               count(*) AS plays
        FROM old_items AS o JOIN songs AS s ON s.id = o.song_id GROUP BY 1, 2, 3
      ), counted AS (
        SELECT %2$s AS subject, week, sum(plays) AS plays FROM removed
        WHERE %2$s IS NOT NULL GROUP BY 1, 2
      )
      UPDATE %1$I AS p SET plays = p.plays - r.plays FROM counted AS r
      WHERE (p.%2$I, p.week) = (r.subject, r.week)
    $sql$, rollup, subject);
    EXECUTE format($sql$
      DELETE FROM %1$I AS p WHERE p.plays <= 0 AND p.%2$I IN (
        SELECT r.%2$I FROM (SELECT o.song_id, s.artist_id
                            FROM old_items AS o JOIN songs AS s ON s.id = o.song_id) AS r)
    $sql$, rollup, subject);
  END LOOP;

  FOR rollup, subject IN VALUES
      ('song_month_plays', 'song_id'), ('artist_month_plays', 'artist_id') LOOP
    EXECUTE format($sql$
      WITH removed AS (
        SELECT s.artist_id, o.song_id, nicecream_month(nicecream_slot(o.created_at)) AS month,
               o.channel_id, count(*) AS plays
        FROM old_items AS o JOIN songs AS s ON s.id = o.song_id GROUP BY 1, 2, 3, 4
      ), counted AS (
        SELECT %2$s AS subject, month, channel_id, sum(plays) AS plays FROM removed
        WHERE %2$s IS NOT NULL GROUP BY 1, 2, 3
      )
      UPDATE %1$I AS p SET plays = p.plays - r.plays FROM counted AS r
      WHERE (p.%2$I, p.month, p.channel_id) = (r.subject, r.month, r.channel_id)
    $sql$, rollup, subject);
    EXECUTE format($sql$
      DELETE FROM %1$I AS p WHERE p.plays <= 0 AND p.%2$I IN (
        SELECT r.%2$I FROM (SELECT o.song_id, s.artist_id
                            FROM old_items AS o JOIN songs AS s ON s.id = o.song_id) AS r)
    $sql$, rollup, subject);
  END LOOP;

  UPDATE song_slot_plays AS p SET plays = p.plays - r.plays
  FROM (SELECT song_id, nicecream_slot(created_at) AS slot, channel_id, count(*) AS plays
        FROM old_items GROUP BY 1, 2, 3) AS r
  WHERE (p.song_id, p.slot, p.channel_id) = (r.song_id, r.slot, r.channel_id);
  DELETE FROM song_slot_plays AS p
  WHERE p.plays <= 0 AND p.song_id IN (SELECT song_id FROM old_items);

  UPDATE artist_slot_plays AS p SET plays = p.plays - r.plays
  FROM (SELECT s.artist_id, nicecream_slot(o.created_at) AS slot, o.channel_id,
               count(*) AS plays
        FROM old_items AS o JOIN songs AS s ON s.id = o.song_id
        WHERE s.artist_id IS NOT NULL GROUP BY 1, 2, 3) AS r
  WHERE (p.artist_id, p.slot, p.channel_id) = (r.artist_id, r.slot, r.channel_id);
  DELETE FROM artist_slot_plays AS p WHERE p.plays <= 0 AND p.artist_id IN (
    SELECT s.artist_id FROM old_items AS o JOIN songs AS s ON s.id = o.song_id);

  UPDATE song_channel_plays AS p SET plays = p.plays - r.plays,
    last_played_at = coalesce((SELECT max(h.created_at) FROM history AS h
                               WHERE h.song_id = p.song_id AND h.channel_id = p.channel_id),
                              p.last_played_at)
  FROM (SELECT song_id, channel_id, count(*) AS plays FROM old_items GROUP BY 1, 2) AS r
  WHERE (p.song_id, p.channel_id) = (r.song_id, r.channel_id);
  DELETE FROM song_channel_plays AS p
  WHERE p.plays <= 0 AND p.song_id IN (SELECT song_id FROM old_items);

  UPDATE song_plays AS p SET plays = p.plays - r.plays,
    first_played_at = coalesce((SELECT min(h.created_at) FROM history AS h
                                WHERE h.song_id = p.song_id), p.first_played_at),
    last_played_at = coalesce((SELECT max(h.created_at) FROM history AS h
                               WHERE h.song_id = p.song_id), p.last_played_at)
  FROM (SELECT song_id, count(*) AS plays FROM old_items GROUP BY song_id) AS r
  WHERE p.song_id = r.song_id;

  WITH gone AS (
    DELETE FROM song_plays AS p
    WHERE p.plays <= 0 AND p.song_id IN (SELECT song_id FROM old_items)
    RETURNING p.song_id
  ), removed AS (
    SELECT s.artist_id, count(*) AS plays,
           count(DISTINCT o.song_id) FILTER (WHERE o.song_id IN (SELECT song_id FROM gone))
             AS songs
    FROM old_items AS o JOIN songs AS s ON s.id = o.song_id
    WHERE s.artist_id IS NOT NULL GROUP BY s.artist_id
  )
  UPDATE artist_plays AS p SET plays = p.plays - r.plays, songs = p.songs - r.songs
  FROM removed AS r WHERE p.artist_id = r.artist_id;

  -- The songs' rows are final by now (a statement sees the earlier ones' changes).
  UPDATE artist_plays AS p SET last_played_at = coalesce((
    SELECT max(sp.last_played_at) FROM songs AS s JOIN song_plays AS sp ON sp.song_id = s.id
    WHERE s.artist_id = p.artist_id), p.last_played_at)
  WHERE p.artist_id IN (SELECT s.artist_id FROM old_items AS o JOIN songs AS s ON s.id = o.song_id);
  DELETE FROM artist_plays AS p WHERE p.plays <= 0 AND p.artist_id IN (
    SELECT s.artist_id FROM old_items AS o JOIN songs AS s ON s.id = o.song_id);
  RETURN NULL;
END
$$;
