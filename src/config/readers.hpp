#pragma once

#include <chrono>
#include <cstdint>
#include <string>

#include "config/environment.hpp"

namespace nicecream::config {

// Each reader returns the fallback when the variable is unset or empty, and throws ConfigError
// naming the variable when it is set to something unusable.
class Readers {
 public:
  explicit Readers(Environment environment) : environment_(std::move(environment)) {}

  std::string text(const std::string& name, const std::string& fallback = "") const;
  bool flag(const std::string& name, bool fallback) const;
  std::int64_t integer(const std::string& name, std::int64_t fallback, std::int64_t min,
                       std::int64_t max) const;
  std::chrono::seconds seconds(const std::string& name, std::chrono::seconds fallback,
                               std::chrono::seconds min = std::chrono::seconds{1}) const;
  bool has(const std::string& name) const;

 private:
  Environment environment_;
};

}  // namespace nicecream::config
