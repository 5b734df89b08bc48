#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>

namespace nicecream::config {

// Where settings come from: the process environment in production, a map in tests.
using Environment = std::function<std::optional<std::string>(const std::string& name)>;

Environment process_environment();
Environment map_environment(std::map<std::string, std::string> values);

}  // namespace nicecream::config
