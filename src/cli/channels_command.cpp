#include <iomanip>
#include <iostream>
#include <map>
#include <memory>
#include <optional>
#include <string>

#include "cli/channel_lists.hpp"
#include "cli/commands.hpp"
#include "cli/runtime.hpp"
#include "domain/channel_rules.hpp"
#include "domain/source_format.hpp"
#include "events/bus.hpp"
#include "store/errors.hpp"

namespace nicecream::cli {

namespace {

struct AddOptions {
  domain::NewChannel channel;
};

int list_channels(const config::Config& config) {
  auto store = open_store(config);
  prepare_schema(*store, config);
  for (const auto& channel : store->list_channels()) {
    std::cout << std::setw(4) << channel.id << "  " << std::left << std::setw(10) << channel.name
              << "  " << std::setw(10) << channel.format << std::right << "  " << channel.url;
    if (!channel.title_pointer.empty()) std::cout << "  " << channel.title_pointer;
    std::cout << "\n";
  }
  return 0;
}

int add_channel(const config::Config& config, const domain::NewChannel& channel) {
  if (const auto problem = domain::channel_problem(channel)) {
    std::cerr << "nicecream: " << *problem << "\n";
    return 2;
  }
  auto store = open_store(config);
  prepare_schema(*store, config);
  try {
    const auto added = store->add_channel(channel);
    std::cout << "added channel " << added.id << " " << added.name << "\n";
    return 0;
  } catch (const store::Conflict&) {
    std::cerr << "nicecream: a channel named '" << channel.name << "' exists already\n";
    return 1;
  }
}

int remove_channel(const config::Config& config, domain::Id id) {
  auto store = open_store(config);
  prepare_schema(*store, config);
  if (!store->remove_channel(id)) {
    std::cerr << "nicecream: no channel with id " << id << "\n";
    return 1;
  }
  // Other processes hear of it through Redis when it is configured (the in-process bus reaches
  // nobody here); they drop their cached pages of the channel.
  open_bus(config, *store)->publish_channel(events::ChannelEvent::removal(id));
  std::cout << "removed channel " << id << " and its history\n";
  return 0;
}

struct ListOptions {
  std::string file;
  std::optional<domain::StationListFormat> format;
  std::string output;
};

void add_list_commands(CLI::App& command, int& exit_code) {
  auto options = std::make_shared<ListOptions>();
  auto* import = command.add_subcommand(
      "import", "Add the stations of an M3U, PLS or CSV list (URLs already present are skipped)");
  import->add_option("FILE", options->file, "The list")->required();
  import->add_option("--format", options->format, "m3u, pls or csv (default: from the extension)")
      ->transform(CLI::CheckedTransformer(
          std::map<std::string, domain::StationListFormat>{{"m3u", domain::StationListFormat::m3u},
                                                           {"pls", domain::StationListFormat::pls},
                                                           { "csv",
                                                             domain::StationListFormat::csv }},
          CLI::ignore_case));
  import->callback([&exit_code, options] {
    exit_code = run_command([&options](const config::Config& config) {
      return import_channels(config, options->file, options->format);
});
}  // namespace
);
auto* exporting = command.add_subcommand(
    "export", "Write every channel as CSV (name,url,format,title_pointer), as import reads it");
exporting->add_option("--output", options->output, "A file to write (default: standard output)");
exporting->callback([&exit_code, options] {
  exit_code = run_command([&options](const config::Config& config) {
    return export_channels(config, options->output);
  });
});
}  // namespace nicecream::cli

}  // namespace

void add_channels_command(CLI::App& app, int& exit_code) {
  auto* command =
      app.add_subcommand("channels", "List, add or remove channels; import or export lists");
  command->require_subcommand(1);

  command->add_subcommand("list", "List the channels")->callback([&exit_code] {
    exit_code = run_command(list_channels);
  });

  auto options = std::make_shared<AddOptions>();
  auto* add = command->add_subcommand("add", "Add a channel");
  add->add_option(
         "name", options->channel.name,
         "Short name, at most " + std::to_string(domain::kMaxChannelNameLength) + " characters")
      ->required();
  add->add_option("url", options->channel.url, "The now-playing source (http or https)")
      ->required();
  add->add_option("--format", options->channel.format, domain::source_format_names())
      ->default_val("auto");
  add->add_option("--title-pointer", options->channel.title_pointer,
                  "JSON Pointer to the title, for the json format");
  add->callback([&exit_code, options] {
    exit_code = run_command(
        [options](const config::Config& config) { return add_channel(config, options->channel); });
  });

  auto id = std::make_shared<domain::Id>(0);
  auto* remove = command->add_subcommand("remove", "Remove a channel and its history");
  remove->add_option("id", *id, "The channel's id")->required()->check(CLI::PositiveNumber);
  remove->callback([&exit_code, id] {
    exit_code =
        run_command([id](const config::Config& config) { return remove_channel(config, *id); });
  });
  add_list_commands(*command, exit_code);
}

}  // namespace nicecream::cli
