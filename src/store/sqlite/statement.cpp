#include "store/sqlite/statement.hpp"

#include <stdexcept>
#include <utility>

#include "store/sqlite/error.hpp"

namespace nicecream::store::sqlite {

Statement::Statement(Statement&& other) noexcept
    : statement_(std::exchange(other.statement_, nullptr)), owned_(other.owned_) {}

Statement::~Statement() {
  if (!statement_) return;
  if (owned_) {
    sqlite3_finalize(statement_);
    return;
  }
  sqlite3_reset(statement_);
  sqlite3_clear_bindings(statement_);
}

void Statement::check(int code) const {
  if (code != SQLITE_OK) throw_error(sqlite3_db_handle(statement_), code);
}

Statement& Statement::bind(int index, std::int64_t value) {
  check(sqlite3_bind_int64(statement_, index, value));
  return *this;
}

Statement& Statement::bind(int index, std::string_view text) {
  check(sqlite3_bind_text64(statement_, index, text.data(), text.size(), SQLITE_TRANSIENT,
                            SQLITE_UTF8));
  return *this;
}

Statement& Statement::bind(int index, domain::Timestamp at) {
  return bind(index, static_cast<std::int64_t>(at.time_since_epoch().count()));
}

Statement& Statement::bind(int index, const SortedIds& ids) {
  // SQLite's pointer interface takes a non-const pointer; nicecream_in_ids only reads through it.
  check(sqlite3_bind_pointer(statement_, index, const_cast<SortedIds*>(&ids), kSortedIdsPointerType,
                             nullptr));
  return *this;
}

int Statement::parameter_index(const char* name) const {
  const int index = sqlite3_bind_parameter_index(statement_, name);
  if (index == 0) throw std::logic_error(std::string("SQL has no parameter ") + name);
  return index;
}

bool Statement::step() {
  const int code = sqlite3_step(statement_);
  if (code == SQLITE_ROW) return true;
  if (code == SQLITE_DONE) return false;
  throw_error(sqlite3_db_handle(statement_), code);
}

std::int64_t Statement::int64(int column) const {
  return sqlite3_column_int64(statement_, column);
}

std::string Statement::text(int column) const {
  const auto* bytes = sqlite3_column_text(statement_, column);
  const auto size = sqlite3_column_bytes(statement_, column);
  return bytes ? std::string(reinterpret_cast<const char*>(bytes), size) : std::string();
}

domain::Timestamp Statement::timestamp(int column) const {
  return domain::Timestamp{std::chrono::microseconds{int64(column)}};
}

}  // namespace nicecream::store::sqlite
