#include <iostream>

#include "cli/commands.hpp"
#include "cli/runtime.hpp"

namespace nicecream::cli {

void add_migrate_command(CLI::App& app, int& exit_code) {
  auto* command = app.add_subcommand("migrate", "Apply the database migrations this binary ships");
  command->callback([&exit_code] {
    exit_code = run_command([](const config::Config& config) {
      auto store = open_store(config);
      const auto applied = store->migrate();
      const auto version = store->schema_version();
      std::cout << "applied " << applied << " migration(s); schema at version " << version.current
                << "\n";
      return 0;
    });
  });
}

}  // namespace nicecream::cli
