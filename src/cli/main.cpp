#include <spdlog/spdlog.h>

#include <CLI/CLI.hpp>

#include "cli/commands.hpp"

int main(int argc, char** argv) {
  CLI::App app{
      "Nicecream History: records what internet radio stations play, and serves it.\n"
      "Settings come from environment variables (see README.md, 'Configuration')."};
  app.name("nicecream");
  app.require_subcommand(1);
  int exit_code = 0;
  nicecream::cli::add_serve_command(app, exit_code);
  nicecream::cli::add_crawl_command(app, exit_code);
  nicecream::cli::add_migrate_command(app, exit_code);
  nicecream::cli::add_channels_command(app, exit_code);
  nicecream::cli::add_version_command(app, exit_code);
  nicecream::cli::add_backup_command(app, exit_code);
  nicecream::cli::add_export_command(app, exit_code);
  nicecream::cli::add_import_command(app, exit_code);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    return app.exit(error);
  }
  spdlog::shutdown();  // writes out what the logging thread still holds
  return exit_code;
}
