#pragma once

#include <cstddef>
#include <optional>
#include <string>

#include "domain/models.hpp"

namespace nicecream::domain {

inline constexpr std::size_t kMaxChannelNameLength = 10;

// What is wrong with a channel about to be added, in words for the person adding it; nullopt
// when nothing is.
std::optional<std::string> channel_problem(const NewChannel& channel);

}  // namespace nicecream::domain
