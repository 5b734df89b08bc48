#include <iostream>

#include "cli/commands.hpp"
#include "cli/version.hpp"

namespace nicecream::cli {

void add_version_command(CLI::App& app, int& exit_code) {
  auto* command = app.add_subcommand("version", "Print the version");
  command->callback([&exit_code] {
    std::cout << "nicecream " << kVersion << "\n";
    exit_code = 0;
  });
}

}  // namespace nicecream::cli
