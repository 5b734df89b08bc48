#include "domain/source_format.hpp"

#include <array>
#include <utility>

namespace nicecream::domain {

namespace {
constexpr std::array<std::pair<SourceFormat, std::string_view>, 7> kFormatNames{{
    {SourceFormat::automatic, "auto"},
    {SourceFormat::voscast, "voscast"},
    {SourceFormat::icecast, "icecast"},
    {SourceFormat::shoutcast_v2, "shoutcast2"},
    {SourceFormat::shoutcast_v1, "shoutcast1"},
    {SourceFormat::icy, "icy"},
    {SourceFormat::json, "json"},
}};
}  // namespace

std::string_view to_string(SourceFormat format) {
  for (const auto& [value, name] : kFormatNames)
    if (value == format) return name;
  return "auto";
}

std::optional<SourceFormat> parse_source_format(std::string_view name) {
  for (const auto& [value, text] : kFormatNames)
    if (text == name) return value;
  return std::nullopt;
}

std::string source_format_names() {
  std::string names;
  for (std::size_t i = 0; i < kFormatNames.size(); ++i) {
    if (i > 0) names += i + 1 == kFormatNames.size() ? " or " : ", ";
    names += kFormatNames[i].second;
  }
  return names;
}

}  // namespace nicecream::domain
