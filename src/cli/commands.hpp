#pragma once

#include <CLI/CLI.hpp>

namespace nicecream::cli {

// Each adds one subcommand; its callback stores the process exit code in `exit_code`.
void add_serve_command(CLI::App& app, int& exit_code);
void add_crawl_command(CLI::App& app, int& exit_code);
void add_migrate_command(CLI::App& app, int& exit_code);
void add_channels_command(CLI::App& app, int& exit_code);
void add_version_command(CLI::App& app, int& exit_code);
void add_backup_command(CLI::App& app, int& exit_code);
void add_export_command(CLI::App& app, int& exit_code);
void add_import_command(CLI::App& app, int& exit_code);

}  // namespace nicecream::cli
