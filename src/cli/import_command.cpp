#include <iostream>
#include <memory>
#include <string>

#include "cli/commands.hpp"
#include "cli/runtime.hpp"
#include "store/transfer/import_postgres.hpp"

namespace nicecream::cli {

namespace {

int import_from_postgres(const config::Config& config, const std::string& source) {
  if (config.store.use_postgres)
    throw std::invalid_argument(
        "import copies into the embedded SQLite store: unset DATABASE_URL and PG* (the source "
        "goes in --from-postgres)");
  {
    auto store = open_store(config);  // creates the data directory and brings its schema current
    prepare_schema(*store, config);
  }
  for (const auto& line : store::transfer::import_from_postgres(source, config.store.data_dir))
    std::cout << line << "\n";
  return 0;
}

}  // namespace

void add_import_command(CLI::App& app, int& exit_code) {
  auto* command = app.add_subcommand(
      "import",
      "Copy a PostgreSQL database (ours, or the Python original's at its head, converted on the "
      "fly and never changed) into the embedded SQLite store of NICECREAM_DATA_DIR, keeping "
      "every id; refuses a store that already holds history");
  auto source = std::make_shared<std::string>();
  command
      ->add_option("--from-postgres", *source,
                   "The source: a libpq connection string or postgresql:// URL")
      ->required();
  command->callback([&exit_code, source] {
    exit_code = run_command(
        [&source](const config::Config& config) { return import_from_postgres(config, *source); });
  });
}

}  // namespace nicecream::cli
