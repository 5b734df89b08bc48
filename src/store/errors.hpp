#pragma once

#include <stdexcept>
#include <string>

namespace nicecream::store {

// A row the caller named does not exist (e.g. an unknown song id on a bookmark).
struct NotFound : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// A unique constraint refused the write (e.g. a channel name taken).
struct Conflict : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// The database cannot be used right now (down, locked, disk full, read-only); callers answer 503.
struct Unavailable : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// The schema is missing migrations or is newer than this binary knows.
struct SchemaMismatch : std::runtime_error {
  using std::runtime_error::runtime_error;
};

}  // namespace nicecream::store
