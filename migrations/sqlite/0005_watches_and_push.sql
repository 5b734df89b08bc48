-- Watches (issue 15): "tell me when it plays again". A user watches a song, an artist (matched by
-- the artist's folded key, as /artists groups them) or words (matched like `q`), optionally on
-- one channel. match_key is the value folded at creation (artist, text), so a recording finds
-- its watches by index; lead_word is a text watch's first folded word, the key its candidates
-- are found by (docs/decisions/watches.md). Timestamps are microseconds since the epoch, UTC.
CREATE TABLE watches (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('song', 'artist', 'text')),
  value TEXT NOT NULL,
  match_key TEXT,
  lead_word TEXT,
  song_id INTEGER REFERENCES songs (id),
  channel_id INTEGER REFERENCES channels (id) ON DELETE CASCADE,
  created_at INTEGER NOT NULL,
  CHECK ((kind = 'song') = (song_id IS NOT NULL AND match_key IS NULL))
);
-- The same watch twice is one watch; no channel is channel 0 here, since NULLs never collide.
CREATE UNIQUE INDEX watches_identity
  ON watches (user_id, kind, coalesce(match_key, song_id), coalesce(channel_id, 0));
CREATE INDEX watches_song_id ON watches (song_id) WHERE kind = 'song';
CREATE INDEX watches_artist_key ON watches (match_key) WHERE kind = 'artist';
CREATE INDEX watches_lead_word ON watches (lead_word) WHERE kind = 'text';

-- One row per watch and airing: the primary key is the claim, so whichever process records the
-- airing, exactly one insert wins and only the winner notifies.
CREATE TABLE watch_matches (
  watch_id INTEGER NOT NULL REFERENCES watches (id) ON DELETE CASCADE,
  history_id INTEGER NOT NULL REFERENCES history (id) ON DELETE CASCADE,
  user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_at INTEGER NOT NULL,
  PRIMARY KEY (watch_id, history_id)
);
-- A user's feed, newest airing first; history's cascade finds its matches.
CREATE INDEX watch_matches_user_history ON watch_matches (user_id, history_id);
CREATE INDEX watch_matches_history ON watch_matches (history_id);

-- The private feed's token is kept only as its SHA-256, so a copy of the database does not
-- open anyone's feed; the token is derived from the salt with the server's key (see
-- docs/decisions/watches.md), so the app can show the feed's address again.
CREATE TABLE watch_feed_tokens (
  user_id INTEGER PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
  salt TEXT NOT NULL,
  token_hash TEXT NOT NULL UNIQUE
);

-- Web Push subscriptions (the browser's PushSubscription): where to send, and its keys.
CREATE TABLE push_subscriptions (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  endpoint TEXT NOT NULL UNIQUE,
  p256dh TEXT NOT NULL,
  auth TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE INDEX push_subscriptions_user_id ON push_subscriptions (user_id);
