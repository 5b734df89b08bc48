#include <iostream>
#include <memory>
#include <optional>

#include "cli/commands.hpp"
#include "cli/runtime.hpp"
#include "store/postgres/takeover.hpp"

namespace nicecream::cli {

namespace {

constexpr const char* kDescription =
    "Apply the database migrations this binary ships.\n"
    "On PostgreSQL, a database of the Python original (at its head alembic revision) is left\n"
    "alone unless --from-original is given: that converts it in place, in one transaction\n"
    "(take a pg_dump first; --dry-run shows what would change and changes nothing).";

struct MigrateOptions {
  std::optional<int> up_to;
  bool from_original = false;
  bool dry_run = false;
  std::string original_timezone = "UTC";
};

void print_lines(const std::vector<std::string>& lines) {
  for (const auto& line : lines) std::cout << line << "\n";
}

int take_over(const config::Config& config, const MigrateOptions& options) {
  if (!config.store.use_postgres)
    throw std::invalid_argument(
        "--from-original converts the original's PostgreSQL database: set DATABASE_URL or PG*");
  const auto report = store::postgres::take_over_original(
      config.store.postgres_conninfo,
      {.original_timezone = options.original_timezone, .dry_run = options.dry_run});
  print_lines(report.lines);
  return 0;
}

int migrate(const config::Config& config, const MigrateOptions& options) {
  if (options.dry_run) throw std::invalid_argument("--dry-run goes with --from-original");
  if (config.store.use_postgres)
    store::postgres::refuse_original_database(config.store.postgres_conninfo);
  auto store = open_store(config);
  const auto applied = options.up_to ? store->migrate_to(*options.up_to) : store->migrate();
  const auto version = store->schema_version();
  std::cout << "applied " << applied << " migration(s); schema at version " << version.current
            << "\n";
  return 0;
}

}  // namespace

void add_migrate_command(CLI::App& app, int& exit_code) {
  auto* command = app.add_subcommand("migrate", kDescription);
  auto options = std::make_shared<MigrateOptions>();
  command
      ->add_option("--to", options->up_to,
                   "Stop at this schema version (to load data before the later migrations "
                   "build their indexes and rollups)")
      ->check(CLI::PositiveNumber);
  auto* from_original = command->add_flag(
      "--from-original", options->from_original,
      "Convert the Python original's database (alembic revision " +
          std::string(store::postgres::kOriginalHeadRevision) +
          ") in place: ids kept, duplicate songs and users merged into their lowest id, then "
          "every migration applied; a second run changes nothing");
  command
      ->add_flag("--dry-run", options->dry_run,
                 "With --from-original: print what the conversion would do (counts, merges), "
                 "then roll it back")
      ->needs(from_original);
  command
      ->add_option("--original-timezone", options->original_timezone,
                   "With --from-original: the zone the original's naive times were written in "
                   "(its database server's; default UTC)")
      ->needs(from_original);
  from_original->excludes(command->get_option("--to"));
  command->callback([&exit_code, options] {
    exit_code = run_command([&options](const config::Config& config) {
      return options->from_original ? take_over(config, *options) : migrate(config, *options);
    });
  });
}

}  // namespace nicecream::cli
