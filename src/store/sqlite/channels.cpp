#include "store/sqlite/engine.hpp"
#include "store/sqlite/transaction.hpp"

namespace nicecream::store::sqlite {

namespace {

const std::string kColumns = "id, name, url, format, title_pointer";
const std::string kList = "SELECT " + kColumns + " FROM channels ORDER BY id";
const std::string kFind = "SELECT " + kColumns + " FROM channels WHERE id = ?1";
const std::string kAdd =
    "INSERT INTO channels (name, url, format, title_pointer)"
    " VALUES (?1, ?2, ?3, ?4) RETURNING " +
    kColumns;
const std::string kRemove = "DELETE FROM channels WHERE id = ?1";

domain::Channel read_channel(const Statement& row) {
  return {row.int64(0), row.text(1), row.text(2), row.text(3), row.text(4)};
}

}  // namespace

std::vector<domain::Channel> SqliteStore::list_channels() {
  auto lease = connection();
  auto rows = lease->prepare(kList);
  std::vector<domain::Channel> channels;
  while (rows.step()) channels.push_back(read_channel(rows));
  return channels;
}

std::optional<domain::Channel> SqliteStore::find_channel(Id id) {
  auto lease = connection();
  auto row = lease->prepare(kFind);
  row.bind_all(id);
  if (!row.step()) return std::nullopt;
  return read_channel(row);
}

domain::Channel SqliteStore::add_channel(const domain::NewChannel& channel) {
  auto lease = connection();
  return write_transaction(*lease, [&] {
    auto row = lease->prepare(kAdd);
    row.bind_all(channel.name, channel.url, channel.format, channel.title_pointer);
    row.step();
    return read_channel(row);
  });
}

bool SqliteStore::remove_channel(Id id) {
  auto lease = connection();
  return write_transaction(*lease, [&] {
    lease->prepare(kRemove).bind_all(id).step();
    return lease->changes() > 0;
  });
}

}  // namespace nicecream::store::sqlite
