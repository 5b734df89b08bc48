#pragma once

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string_view>

#include "domain/validation.hpp"
#include "http/request.hpp"

namespace nicecream::api {

// Reads a request's query against the parameters a route knows; unknown ones are errors, so a
// typo is reported instead of silently ignored.
class QueryReader {
 public:
  QueryReader(const http::QueryParams& query, std::initializer_list<std::string_view> known);

  // nullopt when absent or invalid (invalid also records an error).
  std::optional<std::int64_t> integer(std::string_view name, domain::IntegerRule rule);
  const domain::ValidationErrors& errors() const { return errors_; }

 private:
  const http::QueryParams& query_;
  domain::ValidationErrors errors_;
};

}  // namespace nicecream::api
