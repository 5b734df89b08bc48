#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "domain/models.hpp"

namespace nicecream::domain {

inline constexpr std::size_t kMaxChannelNameLength = 10;

// One thing wrong with a channel, on the field it concerns ("name", "url", "format",
// "title_pointer"), in words for the person adding or editing it.
struct ChannelProblem {
  std::string field;
  std::string message;
};

// Everything wrong with a channel about to be added or saved; empty when nothing is. The CLI,
// station-list imports and the API's POST and PATCH /channels all check with this.
std::vector<ChannelProblem> channel_problems(const NewChannel& channel);

// The first of them, for one-line answers (the CLI); nullopt when nothing is wrong.
std::optional<std::string> channel_problem(const NewChannel& channel);

}  // namespace nicecream::domain
