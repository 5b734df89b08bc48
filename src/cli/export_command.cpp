#include <iostream>
#include <memory>
#include <optional>
#include <string>

#include "cli/command_output.hpp"
#include "cli/commands.hpp"
#include "cli/runtime.hpp"
#include "domain/timestamp.hpp"
#include "lifecycle/history_export.hpp"

namespace nicecream::cli {

namespace {

struct ExportOptions {
  std::string from;
  std::string to;
  std::optional<domain::Id> channel_id;
  std::string format = "csv";
  std::string output;  // empty: standard output
};

// Times as the API takes them (RFC 3339 with an offset); empty means open-ended.
std::optional<domain::Timestamp> read_time(const std::string& text, const char* option) {
  if (text.empty()) return std::nullopt;
  if (const auto at = domain::parse_rfc3339(text)) return at;
  throw std::invalid_argument(std::string(option) + " '" + text +
                              "' is not an RFC 3339 time (e.g. 2026-12-01T00:00:00Z)");
}

int export_items(const config::Config& config, const ExportOptions& options) {
  const auto format = lifecycle::parse_export_format(options.format);
  if (!format) throw std::invalid_argument("--format must be csv or ndjson");
  domain::HistoryQuery filters;
  filters.from = read_time(options.from, "--from");
  filters.to = read_time(options.to, "--to");
  filters.channel_id = options.channel_id;
  auto store = open_store(config);
  prepare_schema(*store, config);
  CommandOutput output(options.output);
  const auto written = lifecycle::export_history(*store, filters, *format, output.stream());
  output.finish();
  std::cerr << "exported " << written << " item(s)\n";
  return 0;
}

}  // namespace

void add_export_command(CLI::App& app, int& exit_code) {
  auto* command = app.add_subcommand(
      "export", "Write recorded history as CSV or NDJSON, newest first (as /history pages it)");
  auto options = std::make_shared<ExportOptions>();
  command->add_option("--from", options->from, "Items recorded at or after this RFC 3339 time");
  command->add_option("--to", options->to, "Items recorded before this RFC 3339 time");
  command->add_option("--channel", options->channel_id, "Only this channel's items")
      ->check(CLI::PositiveNumber);
  command->add_option("--format", options->format, "csv or ndjson")
      ->check(CLI::IsMember({"csv", "ndjson"}))
      ->capture_default_str();
  command->add_option("--output", options->output, "A file to write (default: standard output)");
  command->callback([&exit_code, options] {
    exit_code = run_command(
        [&options](const config::Config& config) { return export_items(config, *options); });
  });
}

}  // namespace nicecream::cli
