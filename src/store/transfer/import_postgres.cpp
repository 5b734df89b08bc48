#include "store/transfer/import_postgres.hpp"

#include <charconv>
#include <stdexcept>

#include "store/postgres/connection.hpp"
#include "store/postgres/original_database.hpp"
#include "store/sqlite/connection.hpp"
#include "store/sqlite/sqlite_store.hpp"

namespace nicecream::store::transfer {

namespace {

constexpr int kBatch = 10000;
constexpr std::chrono::milliseconds kBusyTimeout{5000};

// One table as both engines hold it: PostgreSQL's select list (times as microseconds, as SQLite
// keeps them) and which of its columns are integers.
struct TableCopy {
  std::string table;
  std::vector<std::string> columns;
  std::vector<std::string> selected;
  std::vector<bool> integer;
};

const std::vector<TableCopy> kTables{
    {"channels",
     {"id", "name", "url", "format", "title_pointer"},
     {"id", "name", "url", "format", "title_pointer"},
     {true, false, false, false, false}},
    {"songs",
     {"id", "title", "artist", "track"},
     {"id", "title", "artist", "track"},
     {true, false, false, false}},
    {"history",
     {"id", "created_at", "song_id", "channel_id"},
     {"id", "(extract(epoch FROM created_at) * 1000000)::bigint", "song_id", "channel_id"},
     {true, true, true, true}},
    {"users",
     {"id", "sub", "picture", "given_name", "family_name"},
     {"id", "sub", "picture", "given_name", "family_name"},
     {true, false, false, false, false}},
    {"bookmarks",
     {"id", "created_at", "user_id", "song_id"},
     {"id", "(extract(epoch FROM created_at) * 1000000)::bigint", "user_id", "song_id"},
     {true, true, true, true}},
};

std::string joined(const std::vector<std::string>& parts) {
  std::string text;
  for (const auto& part : parts) text += (text.empty() ? "" : ", ") + part;
  return text;
}

std::int64_t to_int64(const std::string& text) {
  std::int64_t value = 0;
  std::from_chars(text.data(), text.data() + text.size(), value);
  return value;
}

std::string insert_sql(const TableCopy& copy) {
  std::string placeholders;
  for (std::size_t i = 1; i <= copy.columns.size(); ++i)
    placeholders += (i > 1 ? ", ?" : "?") + std::to_string(i);
  return "INSERT INTO " + copy.table + " (" + joined(copy.columns) + ") VALUES (" + placeholders +
         ")";
}

// Rows in id order, a batch at a time; returns how many.
std::int64_t copy_table(postgres::Connection& source, sqlite::Connection& target,
                        const TableCopy& copy) {
  const auto select = "SELECT " + joined(copy.selected) + " FROM " + copy.table +
                      " WHERE id > $1 ORDER BY id LIMIT " + std::to_string(kBatch);
  const auto insert = insert_sql(copy);
  std::int64_t after = 0;
  std::int64_t copied = 0;
  for (;;) {
    const auto rows = source.query(select, after);
    if (rows.empty()) return copied;
    for (int row = 0; row < rows.rows(); ++row) {
      auto statement = target.prepare(insert);
      for (std::size_t column = 0; column < copy.columns.size(); ++column) {
        const auto value = rows.text(row, static_cast<int>(column));
        if (copy.integer[column])
          statement.bind(static_cast<int>(column) + 1, to_int64(value));
        else
          statement.bind(static_cast<int>(column) + 1, std::string_view(value));
      }
      statement.step();
    }
    copied += rows.rows();
    after = rows.int64(rows.rows() - 1, 0);
  }
}

// Ids the source handed out and deleted at the top are not handed out again here either.
void continue_sequences(postgres::Connection& source, sqlite::Connection& target) {
  for (const auto& copy : kTables) {
    const auto last = source.query(
        "SELECT coalesce((SELECT last_value FROM pg_sequences WHERE schemaname ="
        " current_schema() AND sequencename = $1), 0)",
        copy.table + "_id_seq");
    target.prepare("UPDATE sqlite_sequence SET seq = max(seq, ?1) WHERE name = ?2")
        .bind_all(last.int64(0, 0), std::string_view(copy.table))
        .step();
  }
}

void require_empty(sqlite::Connection& target) {
  for (const std::string table : {"history", "songs", "users"}) {
    auto statement = target.prepare("SELECT EXISTS (SELECT 1 FROM " + table + ")");
    statement.step();
    if (statement.int64(0) != 0)
      throw std::runtime_error("the SQLite store already holds " + table +
                               ": import only into a new data directory");
  }
}

// The source as ours: an original is converted inside the open transaction (rolled back later).
std::vector<std::string> open_source(postgres::Connection& source) {
  const auto origin = postgres::inspect_origin(source);
  if (!origin.alembic_revision || origin.is_converted_original()) return {};
  auto lines = postgres::convert_original_in_open_transaction(source, {}).lines;
  for (auto& line : lines) line = "  (converting, rolled back) " + line;
  return lines;
}

}  // namespace

std::vector<std::string> import_from_postgres(const std::string& conninfo,
                                              const std::filesystem::path& data_dir) {
  const auto source = postgres::Connection::open(conninfo);
  const auto target = sqlite::Connection::open(data_dir / sqlite::kDatabaseFileName, kBusyTimeout);
  source->exec("BEGIN ISOLATION LEVEL REPEATABLE READ");
  try {
    auto lines = open_source(*source);
    target->exec("BEGIN IMMEDIATE");
    try {
      require_empty(*target);
      target->exec("DELETE FROM channels");  // the seeded ones make way for the source's
      for (const auto& copy : kTables)
        lines.push_back(copy.table + ": " + std::to_string(copy_table(*source, *target, copy)) +
                        " copied");
      continue_sequences(*source, *target);
      target->exec("COMMIT");
    } catch (...) {
      target->exec("ROLLBACK");
      throw;
    }
    source->exec("ROLLBACK");
    return lines;
  } catch (...) {
    try {
      source->exec("ROLLBACK");
    } catch (...) {
      // The first error is the one to report.
    }
    throw;
  }
}

}  // namespace nicecream::store::transfer
