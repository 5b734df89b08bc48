#include <iostream>
#include <memory>
#include <string>

#include "cli/commands.hpp"
#include "cli/runtime.hpp"
#include "store/sqlite/backup.hpp"

namespace nicecream::cli {

namespace {

int backup(const config::Config& config, const std::string& target) {
  if (config.store.use_postgres) {
    std::cerr << "nicecream: backup copies the embedded SQLite store; this deployment uses "
                 "PostgreSQL: back it up with pg_dump (e.g. pg_dump --format=custom --file="
              << target << " \"$DATABASE_URL\")\n";
    return 2;
  }
  const auto report = store::sqlite::backup_database(config.store.data_dir, target);
  std::cout << "backed up " << report.source.string() << " to " << target << ": " << report.pages
            << " pages, " << report.bytes << " bytes, integrity ok\n";
  return 0;
}

}  // namespace

void add_backup_command(CLI::App& app, int& exit_code) {
  auto* command = app.add_subcommand(
      "backup",
      "Copy the embedded SQLite store to FILE while serve runs (one consistent snapshot, "
      "checked, then moved into place)");
  auto target = std::make_shared<std::string>();
  command->add_option("FILE", *target, "Where the copy goes (replaced when it exists)")->required();
  command->callback([&exit_code, target] {
    exit_code =
        run_command([&target](const config::Config& config) { return backup(config, *target); });
  });
}

}  // namespace nicecream::cli
