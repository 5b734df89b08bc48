#include <iostream>
#include <memory>
#include <optional>

#include "cli/commands.hpp"
#include "cli/runtime.hpp"

namespace nicecream::cli {

void add_migrate_command(CLI::App& app, int& exit_code) {
  auto* command = app.add_subcommand("migrate", "Apply the database migrations this binary ships");
  auto up_to = std::make_shared<std::optional<int>>();
  command
      ->add_option("--to", *up_to,
                   "Stop at this schema version (to load data before the later migrations "
                   "build their indexes and rollups)")
      ->check(CLI::PositiveNumber);
  command->callback([&exit_code, up_to] {
    exit_code = run_command([&up_to](const config::Config& config) {
      auto store = open_store(config);
      const auto applied = *up_to ? store->migrate_to(**up_to) : store->migrate();
      const auto version = store->schema_version();
      std::cout << "applied " << applied << " migration(s); schema at version " << version.current
                << "\n";
      return 0;
    });
  });
}

}  // namespace nicecream::cli
