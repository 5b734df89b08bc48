-- The Python original's database at its head alembic revision (1f74339f95ba), built from the
-- facts of its migrations (/work/shared/seed/original-database-and-session.md), with what a
-- years-old deployment holds: duplicate titles (its title index is not unique), duplicate
-- subjects (char(21), padded), naive times, bookmarks on duplicate songs and a NULL picture.
CREATE TABLE alembic_version (version_num varchar(32) NOT NULL,
  CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num));
INSERT INTO alembic_version VALUES ('1f74339f95ba');

CREATE TABLE channels (id serial PRIMARY KEY, name varchar(10) NOT NULL,
  url varchar(200) NOT NULL);
CREATE TABLE songs (id serial PRIMARY KEY, title varchar(200) NOT NULL);
CREATE INDEX ix_songs_title ON songs USING hash (title);
CREATE TABLE history (id serial PRIMARY KEY, created_at timestamp without time zone DEFAULT now(),
  song_id integer NOT NULL REFERENCES songs (id) ON DELETE RESTRICT,
  channel_id integer NOT NULL REFERENCES channels (id) ON DELETE RESTRICT);
CREATE TABLE users (id serial PRIMARY KEY, sub char(21) NOT NULL, picture varchar(200),
  given_name varchar(50) NOT NULL, family_name varchar(50) NOT NULL);
CREATE INDEX ix_users_sub ON users (sub);
CREATE TABLE bookmarks (id serial PRIMARY KEY,
  created_at timestamp without time zone DEFAULT now(),
  user_id integer NOT NULL REFERENCES users (id) ON DELETE RESTRICT,
  song_id integer NOT NULL REFERENCES songs (id) ON DELETE RESTRICT);

INSERT INTO channels (name, url) VALUES
  ('red', 'https://cdn.voscast.com/stats/display.js?key=40dce4ae142ed966aa6bdd8048c989d2&stats=songtitle&action=update'),
  ('green', 'https://cdn.voscast.com/stats/display.js?key=843b6fa06db8c1e17d538547afe14635&stats=songtitle&action=update'),
  ('blue', 'https://cdn.voscast.com/stats/display.js?key=82f6aa25633d7d23d8370c68e1210a9c&stats=songtitle&action=update');

-- Songs 1 and 4 share a title, and 2, 5 and 6 another; 3 stands alone ("Artist - Track").
INSERT INTO songs (title) VALUES ('Daft Punk - One More Time'), ('Intro'),
  ('Air - La femme d''argent'), ('Daft Punk - One More Time'), ('Intro'), ('Intro');
-- A song deleted at the top: its id is not handed out again.
INSERT INTO songs (title) VALUES ('Removed');
DELETE FROM songs WHERE title = 'Removed';

INSERT INTO history (created_at, song_id, channel_id) VALUES
  ('2021-03-01 10:00:00', 1, 1), ('2021-03-01 10:04:00', 2, 1), ('2021-03-01 10:05:00', 3, 2),
  ('2021-03-01 10:09:00', 4, 1), ('2021-03-01 10:12:00', 5, 3), ('2021-03-01 10:15:00', 6, 2),
  ('2021-03-01 10:20:00', 3, 1);

-- Users 1 and 3 are one subject (the padding char(21) adds is trimmed).
INSERT INTO users (sub, picture, given_name, family_name) VALUES
  ('google-oauth2|100001', 'https://example.com/ada.png', 'Ada', 'Lovelace'),
  ('google-oauth2|100002', NULL, 'Grace', 'Hopper'),
  ('google-oauth2|100001', NULL, 'Ada', 'L.');

-- Ada (1 and 3) bookmarked song 1 and its duplicate 4: one bookmark (the earliest, 1) stays.
INSERT INTO bookmarks (created_at, user_id, song_id) VALUES
  ('2021-03-02 08:00:00', 1, 1), ('2021-03-02 09:00:00', 3, 4), ('2021-03-02 10:00:00', 1, 3),
  ('2021-03-02 11:00:00', 2, 5), ('2021-03-02 12:00:00', 2, 6);
