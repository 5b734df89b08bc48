#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "store/store.hpp"

namespace nicecream::bench {

// Which of the emulator's formats the stations use: `all` gives every format in turn with every
// tenth station an ICY stream; `icy` and `other` split them, to tell their costs apart.
enum class Mix { all, icy, other };
Mix parse_mix(std::string_view name);  // throws std::invalid_argument

// Replaces the store's channels by `count` stations named s0..s<count-1>, station i being the
// emulator's station<i> on bases[i % bases.size()] (several emulator processes share the load).
void add_stations(store::Store& store, const std::vector<std::string>& bases, int count, Mix mix);

}  // namespace nicecream::bench
