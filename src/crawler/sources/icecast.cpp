#include "crawler/sources/icecast.hpp"

#include <boost/json/value.hpp>

#include "crawler/sources/json_text.hpp"

namespace nicecream::crawler::sources {

namespace {
namespace json = boost::json;

std::string_view string_field(const json::object& object, std::string_view key) {
  const auto* value = object.if_contains(json::string_view(key.data(), key.size()));
  if (value == nullptr || !value->is_string()) return {};
  const auto& text = value->get_string();
  return {text.data(), text.size()};
}

// "http://host:8000/live?x" -> "/live"
std::string_view url_path(std::string_view url) {
  const auto scheme = url.find("://");
  const auto authority = scheme == std::string_view::npos ? 0 : scheme + 3;
  const auto path = url.find('/', authority);
  if (path == std::string_view::npos) return {};
  return url.substr(path, url.find_first_of("?#", path) - path);
}

bool names_mount(const json::object& source, std::string_view mount) {
  const auto server_name = string_field(source, "server_name");
  return url_path(string_field(source, "listenurl")) == mount || server_name == mount ||
         (!server_name.empty() && mount.size() > 1 && mount.front() == '/' &&
          mount.substr(1) == server_name);
}

const json::object* choose_source(const json::value& sources, std::string_view mount) {
  if (const auto* single = sources.if_object()) return single;
  const auto* all = sources.if_array();
  if (all == nullptr) return nullptr;
  const json::object* first = nullptr;
  for (const auto& candidate : *all) {
    const auto* source = candidate.if_object();
    if (source == nullptr) continue;
    if (first == nullptr) first = source;
    if (!mount.empty() && names_mount(*source, mount)) return source;
  }
  return first;
}

std::string text_of(const json::object& source, std::string_view key) {
  const auto result = title_from_json(source.if_contains(key), key);
  return result.title.value_or("");
}
}  // namespace

std::string icecast_mount_from_url(std::string_view url) {
  const auto hash = url.find('#');
  if (hash == std::string_view::npos) return {};
  return std::string(url.substr(hash + 1));
}

ParseResult parse_icecast_status(std::string_view body, std::string_view mount) {
  const auto document = parse_json(body);
  if (!document) return ParseResult::failure("status-json.xsl answer is not JSON");
  const auto* stats =
      document->is_object() ? document->get_object().if_contains("icestats") : nullptr;
  if (stats == nullptr || !stats->is_object())
    return ParseResult::failure("status-json.xsl answer has no icestats");
  const auto* sources = stats->get_object().if_contains("source");
  const auto* source = sources == nullptr ? nullptr : choose_source(*sources, mount);
  if (source == nullptr) return ParseResult::failure("icecast server has no source mounted");
  const auto artist = text_of(*source, "artist");
  const auto title = text_of(*source, "title");
  if (!artist.empty() && !title.empty()) return ParseResult::found(artist + " - " + title);
  if (!title.empty()) return ParseResult::found(title);
  if (!artist.empty()) return ParseResult::found(artist);
  return ParseResult::no_song();
}

}  // namespace nicecream::crawler::sources
