#pragma once

#include <sqlite3.h>

#include <string>

namespace nicecream::store::sqlite {

// Turns an SQLite failure into the store's errors: a unique or check constraint is Conflict, a
// foreign key NotFound, and anything that says the database cannot be used now (busy past the
// timeout, disk full, read-only, I/O, cannot open, not a database) Unavailable. The message names
// the database file.
[[noreturn]] void throw_error(sqlite3* db, int code);

// "SQLite <file>: <what went wrong>", for errors raised outside a statement.
std::string describe(sqlite3* db, int code);

}  // namespace nicecream::store::sqlite
