#include "cli/channel_lists.hpp"

#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <sstream>

#include "cli/command_output.hpp"
#include "cli/runtime.hpp"
#include "domain/channel_rules.hpp"
#include "domain/csv.hpp"
#include "store/errors.hpp"

namespace nicecream::cli {

namespace {

std::string read_whole_file(const std::string& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + file);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// What the store holds already: URLs (to skip) and names (to number around).
struct Known {
  std::map<std::string, std::string> names_by_url;
  std::set<std::string> names;
};

Known known_channels(store::Store& store) {
  Known known;
  for (const auto& channel : store.list_channels()) {
    known.names_by_url.emplace(channel.url, channel.name);
    known.names.insert(channel.name);
  }
  return known;
}

struct ImportCounts {
  int added = 0;
  int duplicates = 0;
  int unusable = 0;
};

void import_station(store::Store& store, const domain::ListedStation& listed, Known& known,
                    ImportCounts& counts) {
  auto channel = listed.channel;
  const auto line = "line " + std::to_string(listed.line) + ": ";
  if (const auto same = known.names_by_url.find(channel.url); same != known.names_by_url.end()) {
    std::cerr << line << "skipped, " << channel.url << " is channel '" << same->second
              << "' already\n";
    ++counts.duplicates;
    return;
  }
  channel.name = domain::fit_channel_name(channel.name, channel.url, known.names);
  if (const auto problem = domain::channel_problem(channel)) {
    std::cerr << line << *problem << "\n";
    ++counts.unusable;
    return;
  }
  try {
    const auto added = store.add_channel(channel);
    known.names_by_url.emplace(added.url, added.name);
    known.names.insert(added.name);
    std::cout << "added channel " << added.id << " " << added.name << " (" << added.url << ")\n";
    ++counts.added;
  } catch (const store::Conflict&) {  // another process took the name meanwhile
    std::cerr << line << "a channel named '" << channel.name << "' exists already\n";
    ++counts.unusable;
  }
}

}  // namespace

int import_channels(const config::Config& config, const std::string& file,
                    std::optional<domain::StationListFormat> format) {
  if (!format) format = domain::station_list_format(file);
  if (!format) {
    std::cerr << "nicecream: cannot tell the list's format from '" << file
              << "': name it .m3u, .m3u8, .pls or .csv, or pass --format\n";
    return 2;
  }
  const auto list = domain::parse_station_list(read_whole_file(file), *format);
  auto store = open_store(config);
  prepare_schema(*store, config);
  auto known = known_channels(*store);
  ImportCounts counts{.unusable = static_cast<int>(list.unusable.size())};
  for (const auto& unusable : list.unusable)
    std::cerr << "line " << unusable.line << ": " << unusable.reason << "\n";
  for (const auto& station : list.stations) import_station(*store, station, known, counts);
  std::cout << "added " << counts.added << " channel(s), skipped " << counts.duplicates
            << " already present, " << counts.unusable << " line(s) not usable\n";
  return 0;
}

int export_channels(const config::Config& config, const std::string& output) {
  auto store = open_store(config);
  prepare_schema(*store, config);
  CommandOutput file(output);
  auto& out = file.stream();
  out << "name,url,format,title_pointer\r\n";
  for (const auto& channel : store->list_channels())
    out << domain::csv_field(channel.name) << ',' << domain::csv_field(channel.url) << ','
        << domain::csv_field(channel.format) << ',' << domain::csv_field(channel.title_pointer)
        << "\r\n";
  file.finish();
  return 0;
}

}  // namespace nicecream::cli
