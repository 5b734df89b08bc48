#include "store/postgres/engine.hpp"
#include "store/postgres/transaction.hpp"

namespace nicecream::store::postgres {

namespace {

const std::string kChannelColumns = "id, name, url, format, title_pointer, paused::int";
const std::string kListChannels = "SELECT " + kChannelColumns + " FROM channels ORDER BY id";
const std::string kFindChannel = "SELECT " + kChannelColumns + " FROM channels WHERE id = $1";
const std::string kAddChannel =
    "INSERT INTO channels (name, url, format, title_pointer)"
    " VALUES ($1, $2, $3, $4) RETURNING " +
    kChannelColumns;
const std::string kRemoveChannel = "DELETE FROM channels WHERE id = $1 RETURNING id";
// FOR UPDATE: a crawler recording into the channel waits, so no item slips in between the check
// and the removal.
const std::string kLockWithHistory =
    "SELECT EXISTS (SELECT 1 FROM history WHERE channel_id = c.id)::int FROM channels AS c"
    " WHERE c.id = $1 FOR UPDATE";
const std::string kWasPaused = "SELECT paused::int FROM channels WHERE id = $1 FOR UPDATE";
const std::string kUpdate =
    "UPDATE channels SET name = $2, url = $3, format = $4, title_pointer = $5,"
    " paused = ($6::int <> 0) WHERE id = $1 RETURNING " +
    kChannelColumns;
// A paused channel is not failing: its outage ends when it is paused.
const std::string kPausedStatus =
    "INSERT INTO channel_status (channel_id, state, since, last_poll_at, last_change_at, error)"
    " VALUES ($1, 'paused', $2::timestamptz, $2::timestamptz, $2::timestamptz, NULL)"
    " ON CONFLICT (channel_id) DO UPDATE SET state = 'paused', since = excluded.since,"
    " last_change_at = excluded.last_change_at, error = NULL";
const std::string kCloseOutage =
    "UPDATE outages SET ended_at = greatest(started_at, $2::timestamptz)"
    " WHERE channel_id = $1 AND ended_at IS NULL";
const std::string kForgetStatus = "DELETE FROM channel_status WHERE channel_id = $1";

domain::Channel read_channel(const Result& rows, int row) {
  return {rows.int64(row, 0), rows.text(row, 1), rows.text(row, 2),
          rows.text(row, 3),  rows.text(row, 4), rows.int64(row, 5) != 0};
}

// Pausing and resuming move the status with the flag, so /channels never shows a paused channel
// as polled, nor a resumed one as paused.
void follow_pause(Connection& connection, Id id, bool paused) {
  if (paused) {
    const auto now = domain::now();
    connection.query(kPausedStatus, id, now);
    connection.query(kCloseOutage, id, now);
  } else {
    connection.query(kForgetStatus, id);
  }
}

}  // namespace

std::vector<domain::Channel> PostgresStore::list_channels() {
  return with_connection([](Connection& connection) {
    const auto rows = connection.exec(kListChannels);
    std::vector<domain::Channel> channels;
    for (int row = 0; row < rows.rows(); ++row) channels.push_back(read_channel(rows, row));
    return channels;
  });
}

std::optional<domain::Channel> PostgresStore::find_channel(Id id) {
  return with_connection([&](Connection& connection) -> std::optional<domain::Channel> {
    const auto rows = connection.query(kFindChannel, id);
    if (rows.empty()) return std::nullopt;
    return read_channel(rows, 0);
  });
}

domain::Channel PostgresStore::add_channel(const domain::NewChannel& channel) {
  return with_connection([&](Connection& connection) {
    return read_channel(connection.query(kAddChannel, channel.name, channel.url, channel.format,
                                         channel.title_pointer),
                        0);
  });
}

bool PostgresStore::remove_channel(Id id) {
  return with_connection(
      [&](Connection& connection) { return !connection.query(kRemoveChannel, id).empty(); });
}

std::optional<domain::Channel> PostgresStore::update_channel(const domain::Channel& channel) {
  return with_connection([&](Connection& connection) {
    return transaction(connection, [&]() -> std::optional<domain::Channel> {
      const auto before = connection.query(kWasPaused, channel.id);
      if (before.empty()) return std::nullopt;
      const bool was_paused = before.int64(0, 0) != 0;
      const auto rows =
          connection.query(kUpdate, channel.id, channel.name, channel.url, channel.format,
                           channel.title_pointer, std::int64_t{channel.paused ? 1 : 0});
      auto updated = read_channel(rows, 0);
      if (was_paused != updated.paused) follow_pause(connection, channel.id, updated.paused);
      return updated;
    });
  });
}

ChannelRemoval PostgresStore::remove_unused_channel(Id id) {
  return with_connection([&](Connection& connection) {
    return transaction(connection, [&] {
      const auto found = connection.query(kLockWithHistory, id);
      if (found.empty()) return ChannelRemoval::not_found;
      if (found.int64(0, 0) != 0) return ChannelRemoval::has_history;
      connection.query(kRemoveChannel, id);
      return ChannelRemoval::removed;
    });
  });
}

}  // namespace nicecream::store::postgres
