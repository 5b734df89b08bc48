-- A channel's charts by its months. The week rollups count every channel, so for one channel of
-- several they bound a subject's plays too loosely to leave few candidates, and one channel's
-- chart summed its window's quarter hours instead: the web app's 30 days of one channel read
-- some 290,000 of them for the window and the one before (110-140 ms at 10 million airings), two
-- months or a year of one channel 0.1-0.6 s. The 30-day rollups keep each channel apart; listed
-- most played first within each month and channel, they bound a channel's window as the weeks
-- bound all channels' (src/store/postgres/charts.cpp). The month rows' plays were in no index, so
-- their updates could stay on the page (HOT); now each also adds an entry here.
CREATE INDEX song_month_plays_month ON song_month_plays (month, channel_id, plays DESC)
  INCLUDE (song_id);
CREATE INDEX artist_month_plays_month ON artist_month_plays (month, channel_id, plays DESC)
  INCLUDE (artist_id);
