-- The whole schema of the first release, and the three channels the original seeded.
-- Timestamps are microseconds since the Unix epoch, UTC. AUTOINCREMENT keeps ids from ever being
-- reused, so "newest first" is "highest id first" and live clients can resume after an id.

CREATE TABLE channels (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  name TEXT NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 10),
  url TEXT NOT NULL,
  format TEXT NOT NULL DEFAULT 'auto',
  title_pointer TEXT NOT NULL DEFAULT ''
);

CREATE TABLE songs (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  title TEXT NOT NULL UNIQUE,
  artist TEXT NOT NULL DEFAULT '',
  track TEXT NOT NULL DEFAULT ''
);

CREATE TABLE history (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  created_at INTEGER NOT NULL,
  song_id INTEGER NOT NULL REFERENCES songs (id),
  channel_id INTEGER NOT NULL REFERENCES channels (id) ON DELETE CASCADE
);
-- One channel's page, at any depth, is a range scan of this index.
CREATE INDEX history_channel_id_id ON history (channel_id, id);

CREATE TABLE users (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  sub TEXT NOT NULL UNIQUE,
  picture TEXT NOT NULL DEFAULT '',
  given_name TEXT NOT NULL DEFAULT '',
  family_name TEXT NOT NULL DEFAULT ''
);

CREATE TABLE bookmarks (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  created_at INTEGER NOT NULL,
  user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  song_id INTEGER NOT NULL REFERENCES songs (id),
  UNIQUE (user_id, song_id)
);
CREATE INDEX bookmarks_user_id_id ON bookmarks (user_id, id);

-- Which crawler process polls which channel, until when.
CREATE TABLE channel_leases (
  channel_id INTEGER PRIMARY KEY REFERENCES channels (id) ON DELETE CASCADE,
  owner TEXT NOT NULL,
  expires_at INTEGER NOT NULL
);

-- Crawler processes seen recently, so each takes only its fair share of the channels.
CREATE TABLE crawler_owners (
  owner TEXT PRIMARY KEY,
  seen_until INTEGER NOT NULL
);

INSERT INTO channels (id, name, url, format) VALUES
  (1, 'red', 'https://cdn.voscast.com/stats/display.js?key=40dce4ae142ed966aa6bdd8048c989d2&stats=songtitle&action=update', 'voscast'),
  (2, 'green', 'https://cdn.voscast.com/stats/display.js?key=843b6fa06db8c1e17d538547afe14635&stats=songtitle&action=update', 'voscast'),
  (3, 'blue', 'https://cdn.voscast.com/stats/display.js?key=82f6aa25633d7d23d8370c68e1210a9c&stats=songtitle&action=update', 'voscast');
