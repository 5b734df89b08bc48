#include "crawler/sources/format_detection.hpp"

#include "crawler/sources/ascii_text.hpp"

namespace nicecream::crawler::sources {

namespace {
using domain::SourceFormat;

std::string_view path_of(std::string_view url) {
  const auto scheme = url.find("://");
  const auto authority = scheme == std::string_view::npos ? 0 : scheme + 3;
  const auto path = url.find('/', authority);
  if (path == std::string_view::npos) return {};
  const auto end = url.find_first_of("?#", path);
  return url.substr(path, end == std::string_view::npos ? std::string_view::npos : end - path);
}

bool ends_with(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() &&
         ascii_lower(text.substr(text.size() - suffix.size())) == suffix;
}

bool is_audio(std::string_view content_type) {
  return starts_with_ignoring_case(content_type, "audio/") ||
         starts_with_ignoring_case(content_type, "application/ogg");
}

bool is_json(std::string_view content_type, std::string_view body) {
  const auto text = trim_blanks(body);
  return ascii_lower(content_type).find("json") != std::string::npos ||
         (!text.empty() && (text.front() == '{' || text.front() == '['));
}
}  // namespace

std::optional<SourceFormat> format_from_url(std::string_view url) {
  const auto path = path_of(url);
  if (ends_with(path, "display.js")) return SourceFormat::voscast;
  if (ends_with(path, "status-json.xsl")) return SourceFormat::icecast;
  if (ends_with(path, "/currentsong") || ends_with(path, "/stats"))
    return SourceFormat::shoutcast_v2;
  if (ends_with(path, "/7.html")) return SourceFormat::shoutcast_v1;
  if (ends_with(path, ".json") || ascii_lower(path).find("/api/nowplaying") != std::string::npos)
    return SourceFormat::json;
  return std::nullopt;
}

std::optional<SourceFormat> format_from_answer(std::string_view content_type, bool has_icy_metaint,
                                               std::string_view body) {
  if (has_icy_metaint || is_audio(content_type)) return SourceFormat::icy;
  if (is_json(content_type, body)) {
    if (body.find("\"icestats\"") != std::string_view::npos) return SourceFormat::icecast;
    return SourceFormat::json;
  }
  if (body.find("songtitle") != std::string_view::npos ||
      body.find("document.write(") != std::string_view::npos)
    return SourceFormat::voscast;
  return std::nullopt;
}

}  // namespace nicecream::crawler::sources
