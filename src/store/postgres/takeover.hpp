#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace nicecream::store::postgres {

// The Python original's last Alembic revision (bookmarks): the only one we convert from.
inline constexpr std::string_view kOriginalHeadRevision = "1f74339f95ba";

struct TakeoverOptions {
  // What the original's naive timestamps mean: its database server's zone (UTC in its
  // containers). A name PostgreSQL knows (pg_timezone_names).
  std::string original_timezone = "UTC";
  // Convert and report, then roll back: the figures are real and nothing changes.
  bool dry_run = false;
};

// What a conversion did, or on a dry run would do: one line per table, per merge and per decision.
struct TakeoverReport {
  bool converted = false;  // false: there was nothing to do (converted before)
  std::vector<std::string> lines;
};

// Converts the Python original's database at its head revision in place, in one transaction:
// duplicate song titles and user subjects merged into their lowest id (history and bookmarks
// repointed), our column types, constraints and indexes added around the kept rows and ids,
// identities continuing after them, the artist/track split filled, then every migration of ours
// applied. A run stopped at any point leaves the original as it was. Throws SchemaMismatch for
// a database that is neither the original's head nor converted already.
TakeoverReport take_over_original(const std::string& conninfo, const TakeoverOptions& options);

// Throws store::SchemaMismatch, in one line, for a database of the original that `nicecream
// migrate` must leave alone: at the head revision it names `--from-original`, at any other it
// names the revision found. Ours, empty or converted: returns.
void refuse_original_database(const std::string& conninfo);

}  // namespace nicecream::store::postgres
