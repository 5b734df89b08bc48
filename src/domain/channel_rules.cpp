#include "domain/channel_rules.hpp"

#include "domain/source_format.hpp"

namespace nicecream::domain {

std::vector<ChannelProblem> channel_problems(const NewChannel& channel) {
  std::vector<ChannelProblem> problems;
  if (channel.name.empty() || channel.name.size() > kMaxChannelNameLength)
    problems.push_back({"name", "channel name must be 1 to " +
                                    std::to_string(kMaxChannelNameLength) + " characters"});
  const auto format = parse_source_format(channel.format);
  if (!format)
    problems.push_back(
        {"format", "unknown format '" + channel.format + "' (" + source_format_names() + ")"});
  if (format == SourceFormat::json && channel.title_pointer.empty())
    problems.push_back(
        {"title_pointer", "the json format needs --title-pointer (e.g. /now_playing/song/text)"});
  if (!channel.url.starts_with("http://") && !channel.url.starts_with("https://"))
    problems.push_back({"url", "the url must start with http:// or https://"});
  return problems;
}

std::optional<std::string> channel_problem(const NewChannel& channel) {
  auto problems = channel_problems(channel);
  if (problems.empty()) return std::nullopt;
  return std::move(problems.front().message);
}

}  // namespace nicecream::domain
