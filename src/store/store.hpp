#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/catalog.hpp"
#include "domain/channel_status.hpp"
#include "domain/models.hpp"
#include "domain/pages.hpp"
#include "domain/push_subscription.hpp"
#include "domain/watch.hpp"

namespace nicecream::store {

using domain::Id;

struct SchemaVersion {
  int current = 0;  // highest applied migration
  int latest = 0;   // highest migration this binary ships
};

struct RemovedHistory {
  std::int64_t items = 0;
  std::int64_t songs = 0;  // left with no airing and no bookmark
};

enum class ChannelRemoval { removed, not_found, has_history };

struct RecordOutcome {
  std::optional<domain::HistoryItem> inserted;  // empty: the title equals the channel's latest
};

// What add_watch did: a new watch, the same one found, or why none was made.
enum class WatchAddOutcome {
  added,
  existing,
  limit_reached,
  nothing_to_match,
  unknown_song,
  unknown_channel
};
struct WatchAddition {
  WatchAddOutcome outcome = WatchAddOutcome::added;
  std::optional<domain::Watch> watch;  // added or existing
};

// The one storage interface; SQLite and PostgreSQL implement it. Every call blocks, so callers on
// I/O threads go through concurrency::BlockingPool. Failures: NotFound, Conflict, Unavailable.
class Store {
 public:
  virtual ~Store() = default;

  // Schema
  virtual SchemaVersion schema_version() = 0;
  virtual int migrate() = 0;  // applies what is missing, returns how many; idempotent
  // Applies what is missing up to `version` only: for tools that load data at an older schema
  // and let the later migrations build their indexes and rollups once (benchmarks).
  virtual int migrate_to(int version) = 0;

  // Channels
  virtual std::vector<domain::Channel> list_channels() = 0;
  virtual std::optional<domain::Channel> find_channel(Id id) = 0;
  virtual domain::Channel add_channel(const domain::NewChannel& channel) = 0;  // Conflict on name
  virtual bool remove_channel(Id id) = 0;  // also removes its history
  // Writes every field of `channel` (found by id); nullopt when there is none, Conflict on name.
  // Pausing writes the status `paused` and closes an open outage in the same transaction;
  // resuming makes the channel `pending` until a crawler polls it again.
  virtual std::optional<domain::Channel> update_channel(const domain::Channel& channel) = 0;
  // Removes a channel that has recorded nothing; one with history stays (has_history).
  virtual ChannelRemoval remove_unused_channel(Id id) = 0;

  // History
  virtual std::vector<domain::HistoryItem> list_history(const domain::HistoryQuery& query) = 0;
  // A page of a walk over much of the history (exports): list_history's rows. An engine whose
  // page cache lives in this process reads them without growing that cache or evicting from it.
  virtual std::vector<domain::HistoryItem> scan_history(const domain::HistoryQuery& query) {
    return list_history(query);
  }
  // Items with id > after_id, oldest first: replay for reconnecting live clients.
  virtual std::vector<domain::HistoryItem> history_after(Id after_id, std::optional<Id> channel_id,
                                                         int limit) = 0;
  virtual std::optional<domain::HistoryItem> latest_history(Id channel_id) = 0;
  virtual Id latest_history_id() = 0;  // 0 when empty
  // In one transaction: find or create the song, insert an item only if the title differs from
  // the channel's latest one. Safe against concurrent callers for the same channel.
  virtual RecordOutcome record_title(Id channel_id, std::string_view title,
                                     domain::Timestamp at) = 0;
  virtual std::optional<domain::Song> find_song(Id id) = 0;
  // Retention: removes up to `limit` of the oldest items recorded before `cutoff`, and the songs
  // they leave with no airing and no bookmark, in one short transaction, so a recording waits
  // for one batch at most. Rollups and search follow (the schema's triggers).
  virtual RemovedHistory remove_history_before(domain::Timestamp cutoff, int limit) = 0;

  // Songs, artists, charts (domain/catalog.hpp), from the rollups record_title keeps.
  virtual std::vector<domain::SongSummary> list_songs(const domain::CatalogQuery& query) = 0;
  virtual std::optional<domain::SongDetail> song_detail(Id song_id) = 0;
  // The song's plays per quarter hour in [from, to), oldest first, empty slots left out.
  virtual std::vector<domain::SlotPlays> song_plays_by_slot(Id song_id, domain::Timestamp from,
                                                            domain::Timestamp to) = 0;
  virtual std::vector<domain::ArtistSummary> list_artists(const domain::CatalogQuery& query) = 0;
  virtual std::optional<domain::ArtistDetail> artist_detail(Id artist_id) = 0;
  // The artist's plays (all its songs) per quarter hour in [from, to), as song_plays_by_slot.
  virtual std::vector<domain::SlotPlays> artist_plays_by_slot(Id artist_id, domain::Timestamp from,
                                                              domain::Timestamp to) = 0;
  virtual std::vector<domain::ChartEntry> chart(const domain::ChartQuery& query) = 0;

  // Users
  virtual domain::User upsert_user(const domain::UserClaims& claims) = 0;  // by sub only
  virtual std::optional<domain::User> find_user(Id id) = 0;

  // Bookmarks
  virtual std::vector<domain::Bookmark> list_bookmarks(const domain::BookmarkQuery& query) = 0;
  // Returns the existing bookmark when there is one; NotFound for an unknown song.
  virtual domain::Bookmark add_bookmark(Id user_id, Id song_id) = 0;
  virtual bool remove_bookmark(Id user_id, Id bookmark_id) = 0;  // false: missing or not theirs

  // Web Push subscriptions (issue 15). An endpoint names one browser, so it has one owner: saving
  // it for another user moves it to them. Saving updates the keys; it returns false when the
  // endpoint was already this user's (the route's 200), true when it was not (201).
  virtual bool save_push_subscription(Id user_id,
                                      const domain::NewPushSubscription& subscription) = 0;
  virtual std::vector<domain::PushSubscription> list_push_subscriptions(Id user_id) = 0;
  // false: no such endpoint of theirs
  virtual bool remove_push_subscription(Id user_id, std::string_view endpoint) = 0;
  // The push service said the endpoint is gone (404/410): whoever owned it.
  virtual void forget_push_endpoint(std::string_view endpoint) = 0;

  // Watches (issue 15), newest first. add_watch folds an artist or text value as the engine folds
  // artists and search words, counts the user's watches in the same transaction (at most
  // domain::kMaxWatchesPerUser), and answers the existing watch for the same kind, folded value
  // or song, and channel.
  virtual std::vector<domain::Watch> list_watches(Id user_id) = 0;
  virtual WatchAddition add_watch(Id user_id, const domain::NewWatch& watch) = 0;
  virtual bool remove_watch(Id user_id, Id watch_id) = 0;  // false: missing or not theirs
  // The private feed: the store keeps a salt (the api derives the token from it) and the token's
  // hash. ensure_ keeps an existing feed and returns its salt; replace_ revokes the old token.
  virtual std::string ensure_watch_feed(Id user_id, std::string_view salt,
                                        std::string_view token_hash) = 0;
  virtual void replace_watch_feed(Id user_id, std::string_view salt,
                                  std::string_view token_hash) = 0;
  virtual std::optional<Id> find_watch_feed_user(std::string_view token_hash) = 0;
  // In one transaction: the watches `item` matches (song, artist, text; on its channel or any)
  // claimed for that airing; only claims this call inserted come back, so however many
  // processes record or retry the same airing, each watch is notified once.
  virtual std::vector<domain::WatchMatch> claim_watch_matches(const domain::HistoryItem& item) = 0;
  // A user's claimed matches, newest airing first, history ids below `before`.
  virtual std::vector<domain::WatchMatch> list_watch_matches(Id user_id, int limit,
                                                             std::optional<Id> before) = 0;

  // Crawler leases: renews the owner's leases and takes free or lapsed ones; returns the channel
  // ids the owner holds until now + ttl.
  virtual std::vector<Id> claim_channels(std::string_view owner, std::chrono::seconds ttl) = 0;
  virtual void release_channels(std::string_view owner) = 0;

  // Channel health (issue 14). Applies a poll's outcome when it changes the channel's state or
  // error: in one transaction the status row is written and the channel's outage opened (failing,
  // unless one is open: a crawler that takes over continues it whatever the reason), or closed
  // (ok). Returns the new status on a change; otherwise only last_poll_at moves, and nullopt.
  virtual std::optional<domain::ChannelStatus> record_poll_outcome(
      const domain::PollOutcome& outcome) = 0;
  // Moves last_poll_at of channels polled without a change, in one transaction; channels never
  // polled (no status row) or removed are skipped.
  virtual void record_polls(const std::vector<domain::PollOutcome>& polls) = 0;
  // Every channel's status, by channel id; channels never polled are `pending`.
  virtual std::vector<domain::ChannelStatus> list_channel_statuses() = 0;
  virtual std::vector<domain::Outage> list_outages(const domain::OutageQuery& query) = 0;
};

}  // namespace nicecream::store
