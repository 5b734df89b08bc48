#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "store/postgres/connection.hpp"
#include "store/postgres/takeover.hpp"

// Inside the engine: telling the original's database from ours on an open connection.
namespace nicecream::store::postgres {

// What a database holds, as far as telling the original's from ours goes.
struct DatabaseOrigin {
  // The original's `alembic_version` (its revisions joined by ", "), when that table exists.
  std::optional<std::string> alembic_revision;
  // Ours (`schema_migrations`) exists: never converted, or converted already.
  bool has_our_schema = false;

  bool is_original() const { return alembic_revision && !has_our_schema; }
  bool is_converted_original() const { return alembic_revision && has_our_schema; }
  bool is_original_head() const {
    return is_original() && *alembic_revision == kOriginalHeadRevision;
  }
};

DatabaseOrigin inspect_origin(Connection& connection);

// The conversion of take_over_original on `connection`, whose transaction the caller opened and
// ends (to read an original as ours and roll back). Throws SchemaMismatch unless it is an
// original at its head.
TakeoverReport convert_original_in_open_transaction(Connection& connection,
                                                    const TakeoverOptions& options);

}  // namespace nicecream::store::postgres
