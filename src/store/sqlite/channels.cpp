#include "store/sqlite/engine.hpp"
#include "store/sqlite/transaction.hpp"

namespace nicecream::store::sqlite {

namespace {

const std::string kChannelColumns = "id, name, url, format, title_pointer, paused";
const std::string kListChannels = "SELECT " + kChannelColumns + " FROM channels ORDER BY id";
const std::string kFindChannel = "SELECT " + kChannelColumns + " FROM channels WHERE id = ?1";
const std::string kAddChannel =
    "INSERT INTO channels (name, url, format, title_pointer)"
    " VALUES (?1, ?2, ?3, ?4) RETURNING " +
    kChannelColumns;
const std::string kRemoveChannel = "DELETE FROM channels WHERE id = ?1";
const std::string kHasHistory = "SELECT EXISTS (SELECT 1 FROM history WHERE channel_id = ?1)";
const std::string kWasPaused = "SELECT paused FROM channels WHERE id = ?1";
const std::string kUpdate =
    "UPDATE channels SET name = ?2, url = ?3, format = ?4, title_pointer = ?5, paused = ?6"
    " WHERE id = ?1 RETURNING " +
    kChannelColumns;
// A paused channel is not failing: its outage ends when it is paused.
const std::string kPausedStatus =
    "INSERT INTO channel_status (channel_id, state, since, last_poll_at, last_change_at, error)"
    " VALUES (?1, 'paused', ?2, ?2, ?2, NULL)"
    " ON CONFLICT (channel_id) DO UPDATE SET state = 'paused', since = ?2, last_change_at = ?2,"
    " error = NULL";
const std::string kCloseOutage =
    "UPDATE outages SET ended_at = max(started_at, ?2) WHERE channel_id = ?1 AND ended_at IS NULL";
const std::string kForgetStatus = "DELETE FROM channel_status WHERE channel_id = ?1";

domain::Channel read_channel(const Statement& row) {
  return {row.int64(0), row.text(1), row.text(2), row.text(3), row.text(4), row.int64(5) != 0};
}

// Pausing and resuming move the status with the flag, so /channels never shows a paused channel
// as polled, nor a resumed one as paused.
void follow_pause(Connection& connection, Id id, bool paused) {
  if (paused) {
    const auto now = domain::now();
    connection.prepare(kPausedStatus).bind_all(id, now).step();
    connection.prepare(kCloseOutage).bind_all(id, now).step();
  } else {
    connection.prepare(kForgetStatus).bind_all(id).step();
  }
}

}  // namespace

std::vector<domain::Channel> SqliteStore::list_channels() {
  auto lease = connection();
  auto rows = lease->prepare(kListChannels);
  std::vector<domain::Channel> channels;
  while (rows.step()) channels.push_back(read_channel(rows));
  return channels;
}

std::optional<domain::Channel> SqliteStore::find_channel(Id id) {
  auto lease = connection();
  auto row = lease->prepare(kFindChannel);
  row.bind_all(id);
  if (!row.step()) return std::nullopt;
  return read_channel(row);
}

domain::Channel SqliteStore::add_channel(const domain::NewChannel& channel) {
  auto lease = connection();
  return write_transaction(*lease, [&] {
    auto row = lease->prepare(kAddChannel);
    row.bind_all(channel.name, channel.url, channel.format, channel.title_pointer);
    row.step();
    return read_channel(row);
  });
}

bool SqliteStore::remove_channel(Id id) {
  auto lease = connection();
  return write_transaction(*lease, [&] {
    lease->prepare(kRemoveChannel).bind_all(id).step();
    return lease->changes() > 0;
  });
}

std::optional<domain::Channel> SqliteStore::update_channel(const domain::Channel& channel) {
  auto lease = connection();
  return write_transaction(*lease, [&]() -> std::optional<domain::Channel> {
    bool was_paused = false;
    {
      auto row = lease->prepare(kWasPaused);
      if (!row.bind_all(channel.id).step()) return std::nullopt;
      was_paused = row.int64(0) != 0;
    }
    std::optional<domain::Channel> updated;
    {
      auto row = lease->prepare(kUpdate);
      row.bind_all(channel.id, channel.name, channel.url, channel.format, channel.title_pointer,
                   std::int64_t{channel.paused ? 1 : 0});
      if (row.step()) updated = read_channel(row);
    }
    if (updated && was_paused != updated->paused) follow_pause(*lease, channel.id, updated->paused);
    return updated;
  });
}

ChannelRemoval SqliteStore::remove_unused_channel(Id id) {
  auto lease = connection();
  return write_transaction(*lease, [&] {
    {
      auto row = lease->prepare(kHasHistory);
      row.bind_all(id).step();
      if (row.int64(0) != 0) return ChannelRemoval::has_history;
    }
    lease->prepare(kRemoveChannel).bind_all(id).step();
    return lease->changes() > 0 ? ChannelRemoval::removed : ChannelRemoval::not_found;
  });
}

}  // namespace nicecream::store::sqlite
