#include "store/sqlite/error.hpp"

#include <stdexcept>

#include "store/errors.hpp"

namespace nicecream::store::sqlite {

namespace {

std::string file_of(sqlite3* db) {
  const char* file = db ? sqlite3_db_filename(db, "main") : nullptr;
  return file && *file ? file : "(memory)";
}

bool means_unavailable(int primary) {
  switch (primary) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
    case SQLITE_FULL:
    case SQLITE_READONLY:
    case SQLITE_IOERR:
    case SQLITE_CANTOPEN:
    case SQLITE_NOTADB:
    case SQLITE_CORRUPT:
    case SQLITE_PERM:
    case SQLITE_NOMEM:
    case SQLITE_PROTOCOL:
      return true;
    default:
      return false;
  }
}

}  // namespace

std::string describe(sqlite3* db, int code) {
  std::string message = "SQLite " + file_of(db) + ": " + sqlite3_errstr(code);
  const char* detail = db ? sqlite3_errmsg(db) : nullptr;
  if (detail && std::string_view(detail) != sqlite3_errstr(code))
    message += std::string(": ") + detail;
  if ((code & 0xff) == SQLITE_BUSY) message += " (still locked after the busy timeout)";
  return message;
}

void throw_error(sqlite3* db, int code) {
  const auto message = describe(db, code);
  switch (code) {
    case SQLITE_CONSTRAINT_UNIQUE:
    case SQLITE_CONSTRAINT_PRIMARYKEY:
    case SQLITE_CONSTRAINT_CHECK:
      throw Conflict(message);
    case SQLITE_CONSTRAINT_FOREIGNKEY:
      throw NotFound(message);
    default:
      break;
  }
  if (means_unavailable(code & 0xff)) throw Unavailable(message);
  throw std::runtime_error(message);
}

}  // namespace nicecream::store::sqlite
