#include "store/postgres/engine.hpp"

namespace nicecream::store::postgres {

namespace {

const std::string kColumns = "id, name, url, format, title_pointer";
const std::string kList = "SELECT " + kColumns + " FROM channels ORDER BY id";
const std::string kFind = "SELECT " + kColumns + " FROM channels WHERE id = $1";
const std::string kAdd =
    "INSERT INTO channels (name, url, format, title_pointer)"
    " VALUES ($1, $2, $3, $4) RETURNING " +
    kColumns;
const std::string kRemove = "DELETE FROM channels WHERE id = $1 RETURNING id";

domain::Channel read_channel(const Result& rows, int row) {
  return {rows.int64(row, 0), rows.text(row, 1), rows.text(row, 2), rows.text(row, 3),
          rows.text(row, 4)};
}

}  // namespace

std::vector<domain::Channel> PostgresStore::list_channels() {
  return with_connection([](Connection& connection) {
    const auto rows = connection.exec(kList);
    std::vector<domain::Channel> channels;
    for (int row = 0; row < rows.rows(); ++row) channels.push_back(read_channel(rows, row));
    return channels;
  });
}

std::optional<domain::Channel> PostgresStore::find_channel(Id id) {
  return with_connection([&](Connection& connection) -> std::optional<domain::Channel> {
    const auto rows = connection.query(kFind, id);
    if (rows.empty()) return std::nullopt;
    return read_channel(rows, 0);
  });
}

domain::Channel PostgresStore::add_channel(const domain::NewChannel& channel) {
  return with_connection([&](Connection& connection) {
    return read_channel(
        connection.query(kAdd, channel.name, channel.url, channel.format, channel.title_pointer),
        0);
  });
}

bool PostgresStore::remove_channel(Id id) {
  return with_connection(
      [&](Connection& connection) { return !connection.query(kRemove, id).empty(); });
}

}  // namespace nicecream::store::postgres
