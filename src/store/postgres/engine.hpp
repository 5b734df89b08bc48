#pragma once

#include <string>
#include <type_traits>

#include "store/connection_pool.hpp"
#include "store/errors.hpp"
#include "store/postgres/connection.hpp"
#include "store/postgres/error.hpp"
#include "store/store.hpp"

namespace nicecream::store::postgres {

// Store on a PostgreSQL database. Each concurrent caller gets its own connection from the pool,
// so a call blocks only its own thread. The member functions are defined one resource per file
// (channels.cpp, history.cpp, ...).
class PostgresStore final : public Store {
 public:
  PostgresStore(std::string conninfo, std::size_t pool_size);

  SchemaVersion schema_version() override;
  int migrate() override;
  int migrate_to(int version) override;

  std::vector<domain::Channel> list_channels() override;
  std::optional<domain::Channel> find_channel(Id id) override;
  domain::Channel add_channel(const domain::NewChannel& channel) override;
  bool remove_channel(Id id) override;
  std::optional<domain::Channel> update_channel(const domain::Channel& channel) override;
  ChannelRemoval remove_unused_channel(Id id) override;

  std::vector<domain::HistoryItem> list_history(const domain::HistoryQuery& query) override;
  std::vector<domain::HistoryItem> history_after(Id after_id, std::optional<Id> channel_id,
                                                 int limit) override;
  std::optional<domain::HistoryItem> latest_history(Id channel_id) override;
  Id latest_history_id() override;
  RecordOutcome record_title(Id channel_id, std::string_view title, domain::Timestamp at) override;
  std::optional<domain::Song> find_song(Id id) override;
  RemovedHistory remove_history_before(domain::Timestamp cutoff, int limit) override;

  std::vector<domain::SongSummary> list_songs(const domain::CatalogQuery& query) override;
  std::optional<domain::SongDetail> song_detail(Id song_id) override;
  std::vector<domain::SlotPlays> song_plays_by_slot(Id song_id, domain::Timestamp from,
                                                    domain::Timestamp to) override;
  std::vector<domain::ArtistSummary> list_artists(const domain::CatalogQuery& query) override;
  std::optional<domain::ArtistDetail> artist_detail(Id artist_id) override;
  std::vector<domain::SlotPlays> artist_plays_by_slot(Id artist_id, domain::Timestamp from,
                                                      domain::Timestamp to) override;
  std::vector<domain::ChartEntry> chart(const domain::ChartQuery& query) override;

  domain::User upsert_user(const domain::UserClaims& claims) override;
  std::optional<domain::User> find_user(Id id) override;

  std::vector<domain::Bookmark> list_bookmarks(const domain::BookmarkQuery& query) override;
  domain::Bookmark add_bookmark(Id user_id, Id song_id) override;
  bool remove_bookmark(Id user_id, Id bookmark_id) override;

  bool save_push_subscription(Id user_id, const domain::NewPushSubscription& subscription) override;
  std::vector<domain::PushSubscription> list_push_subscriptions(Id user_id) override;
  bool remove_push_subscription(Id user_id, std::string_view endpoint) override;
  void forget_push_endpoint(std::string_view endpoint) override;

  std::vector<domain::Watch> list_watches(Id user_id) override;
  WatchAddition add_watch(Id user_id, const domain::NewWatch& watch) override;
  bool remove_watch(Id user_id, Id watch_id) override;
  std::string ensure_watch_feed(Id user_id, std::string_view salt,
                                std::string_view token_hash) override;
  void replace_watch_feed(Id user_id, std::string_view salt, std::string_view token_hash) override;
  std::optional<Id> find_watch_feed_user(std::string_view token_hash) override;
  std::vector<domain::WatchMatch> claim_watch_matches(const domain::HistoryItem& item) override;
  std::vector<domain::WatchMatch> list_watch_matches(Id user_id, int limit,
                                                     std::optional<Id> before) override;

  std::vector<Id> claim_channels(std::string_view owner, std::chrono::seconds ttl) override;
  void release_channels(std::string_view owner) override;

  std::optional<domain::ChannelStatus> record_poll_outcome(
      const domain::PollOutcome& outcome) override;
  void record_polls(const std::vector<domain::PollOutcome>& polls) override;
  std::vector<domain::ChannelStatus> list_channel_statuses() override;
  std::vector<domain::Outage> list_outages(const domain::OutageQuery& query) override;

 private:
  // Runs `work` on a pooled connection. When the connection turns out broken (the server
  // restarted), it is reset and `work` runs once more; a second loss is Unavailable.
  template <class Work>
  auto with_connection(Work&& work) -> std::invoke_result_t<Work&, Connection&> {
    auto lease = pool_.acquire();
    try {
      return work(*lease);
    } catch (const ConnectionLost&) {
      lease->reset();
    }
    try {
      return work(*lease);
    } catch (const ConnectionLost& lost) {
      throw Unavailable(lost.what());
    }
  }

  std::string conninfo_;
  ConnectionPool<Connection> pool_;
};

}  // namespace nicecream::store::postgres
