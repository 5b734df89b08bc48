#include "domain/channel_status.hpp"

#include <array>
#include <utility>

namespace nicecream::domain {

namespace {
constexpr std::array<std::pair<ChannelState, std::string_view>, 4> kStateNames{{
    {ChannelState::pending, "pending"},
    {ChannelState::ok, "ok"},
    {ChannelState::failing, "failing"},
    {ChannelState::paused, "paused"},
}};
}  // namespace

std::string_view to_string(ChannelState state) {
  for (const auto& [value, name] : kStateNames)
    if (value == state) return name;
  return "pending";
}

std::optional<ChannelState> parse_channel_state(std::string_view name) {
  for (const auto& [value, known] : kStateNames)
    if (known == name) return value;
  return std::nullopt;
}

}  // namespace nicecream::domain
