#pragma once

#include <span>

#include "store/migrations/migration.hpp"

namespace nicecream::store::migrations {

// What an engine does for the runner; it keeps its record in `schema_migrations`
// (version, name, applied_at).
class MigrationTarget {
 public:
  virtual ~MigrationTarget() = default;
  // Highest recorded version, 0 when none; creates the bookkeeping table when missing.
  virtual int current_version() = 0;
  // Runs the SQL and records it in one transaction. False when another migrator recorded the
  // version first (the engine checks again inside its transaction).
  virtual bool apply(const Migration& migration) = 0;
};

// Applies, in order, each migration newer than the target's version; returns how many ran. A
// schema newer than `migrations` is left alone: refusing to serve it is the caller's decision.
int run_migrations(std::span<const Migration> migrations, MigrationTarget& target);

// The migrations up to and including `version` (they are in version order).
std::span<const Migration> up_to(std::span<const Migration> migrations, int version);

}  // namespace nicecream::store::migrations
