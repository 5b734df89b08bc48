#include "domain/channel_rules.hpp"

#include "domain/source_format.hpp"

namespace nicecream::domain {

std::optional<std::string> channel_problem(const NewChannel& channel) {
  if (channel.name.empty() || channel.name.size() > kMaxChannelNameLength)
    return "channel name must be 1 to " + std::to_string(kMaxChannelNameLength) + " characters";
  const auto format = parse_source_format(channel.format);
  if (!format) return "unknown format '" + channel.format + "' (" + source_format_names() + ")";
  if (*format == SourceFormat::json && channel.title_pointer.empty())
    return "the json format needs --title-pointer (e.g. /now_playing/song/text)";
  if (!channel.url.starts_with("http://") && !channel.url.starts_with("https://"))
    return "the url must start with http:// or https://";
  return std::nullopt;
}

}  // namespace nicecream::domain
