#include "domain/station_list.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <utility>

#include "domain/channel_rules.hpp"
#include "domain/csv.hpp"
#include "domain/text.hpp"

namespace nicecream::domain {

namespace {

bool ends_with_case_insensitive(std::string_view text, std::string_view suffix) {
  if (text.size() < suffix.size()) return false;
  const auto tail = text.substr(text.size() - suffix.size());
  for (std::size_t i = 0; i < suffix.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(tail[i])) != suffix[i]) return false;
  return true;
}

bool is_http_url(std::string_view text) {
  return text.starts_with("http://") || text.starts_with("https://");
}

// Calls `use(line_number, line)` for each line, without its line break.
template <class Use>
void for_each_line(std::string_view text, Use&& use) {
  int number = 0;
  for (std::size_t at = 0; at < text.size();) {
    const auto end = std::min(text.find('\n', at), text.size());
    use(++number, trim(text.substr(at, end - at)));
    at = end + 1;
  }
}

void add_url(StationList& list, int line, std::string_view url, std::string title) {
  if (!is_http_url(url)) {
    list.unusable.push_back({line, "not an http or https URL: " + std::string(url)});
    return;
  }
  list.stations.push_back({line, {std::move(title), std::string(url), "auto", ""}});
}

StationList parse_m3u(std::string_view text) {
  StationList list;
  std::string title;  // from the #EXTINF line before the URL
  for_each_line(text, [&](int line, std::string_view content) {
    if (content.empty()) return;
    if (content.starts_with("#EXTINF:")) {
      const auto comma = content.find(',');
      title = comma == std::string_view::npos ? "" : std::string(trim(content.substr(comma + 1)));
      return;
    }
    if (content.starts_with('#')) return;  // #EXTM3U and other directives
    add_url(list, line, content, std::exchange(title, {}));
  });
  return list;
}

// PLS numbers its entries: File3=..., Title3=...; they are listed in the order of their numbers.
StationList parse_pls(std::string_view text) {
  StationList list;
  std::map<int, std::pair<int, std::string>> files;  // number -> (line, url)
  std::map<int, std::string> titles;
  for_each_line(text, [&](int line, std::string_view content) {
    const auto equals = content.find('=');
    if (content.empty() || content.starts_with('[') || equals == std::string_view::npos) return;
    const auto key = content.substr(0, equals);
    const auto value = std::string(trim(content.substr(equals + 1)));
    for (const std::string_view prefix : {"File", "Title"}) {
      if (!key.starts_with(prefix)) continue;
      const auto digits = key.substr(prefix.size());
      if (digits.empty() || digits.find_first_not_of("0123456789") != std::string_view::npos ||
          digits.size() > 6)
        continue;
      const int number = std::stoi(std::string(digits));
      if (prefix == "File")
        files[number] = {line, value};
      else
        titles[number] = value;
    }
  });
  for (auto& [number, file] : files) add_url(list, file.first, file.second, titles[number]);
  return list;
}

StationList parse_csv(std::string_view text) {
  StationList list;
  CsvReader reader(text);
  while (auto record = reader.next()) {
    const int line = reader.line();
    if (record->size() == 1 && trim((*record)[0]).empty()) continue;
    if (line == 1 && trim((*record)[0]) == "name") continue;  // the header
    if (record->size() < 2 || record->size() > 4) {
      list.unusable.push_back({line, "expected name,url[,format[,title_pointer]]"});
      continue;
    }
    NewChannel channel{std::string(trim((*record)[0])), std::string(trim((*record)[1])), "auto",
                       ""};
    if (record->size() > 2 && !trim((*record)[2]).empty())
      channel.format = std::string(trim((*record)[2]));
    if (record->size() > 3) channel.title_pointer = std::string(trim((*record)[3]));
    list.stations.push_back({line, std::move(channel)});
  }
  if (reader.malformed())
    list.unusable.push_back({reader.line(), "a quoted field is never closed"});
  return list;
}

std::string host_of(std::string_view url) {
  const auto start = url.find("://");
  if (start == std::string_view::npos) return "station";
  auto host = url.substr(start + 3);
  host = host.substr(0, host.find_first_of("/:?#"));
  if (host.starts_with("www.")) host.remove_prefix(4);
  return host.empty() ? "station" : std::string(host);
}

// At most `bytes` bytes of `text`, never half a UTF-8 character.
std::string cut(std::string_view text, std::size_t bytes) {
  if (text.size() <= bytes) return std::string(text);
  while (bytes > 0 && (static_cast<unsigned char>(text[bytes]) & 0xC0) == 0x80) --bytes;
  return std::string(trim(text.substr(0, bytes)));
}

}  // namespace

std::optional<StationListFormat> station_list_format(std::string_view file_name) {
  if (ends_with_case_insensitive(file_name, ".m3u") ||
      ends_with_case_insensitive(file_name, ".m3u8"))
    return StationListFormat::m3u;
  if (ends_with_case_insensitive(file_name, ".pls")) return StationListFormat::pls;
  if (ends_with_case_insensitive(file_name, ".csv")) return StationListFormat::csv;
  return std::nullopt;
}

StationList parse_station_list(std::string_view text, StationListFormat format) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);  // a byte order mark
  switch (format) {
    case StationListFormat::m3u:
      return parse_m3u(text);
    case StationListFormat::pls:
      return parse_pls(text);
    case StationListFormat::csv:
      return parse_csv(text);
  }
  return {};
}

std::string fit_channel_name(std::string_view title, std::string_view url,
                             const std::set<std::string>& taken) {
  const auto wanted = trim(title).empty() ? host_of(url) : std::string(trim(title));
  auto name = cut(wanted, kMaxChannelNameLength);
  for (int number = 2; taken.contains(name); ++number) {
    const auto suffix = " " + std::to_string(number);
    name = cut(wanted, kMaxChannelNameLength - suffix.size()) + suffix;
  }
  return name;
}

}  // namespace nicecream::domain
