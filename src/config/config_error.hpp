#pragma once

#include <stdexcept>
#include <string>

namespace nicecream::config {

// A setting that cannot be used; what() names the variable (or file) and why, in one line.
class ConfigError : public std::runtime_error {
 public:
  ConfigError(const std::string& variable, const std::string& problem)
      : std::runtime_error(variable + ": " + problem), variable_(variable) {}
  const std::string& variable() const { return variable_; }

 private:
  std::string variable_;
};

}  // namespace nicecream::config
