#pragma once

#include <array>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <span>
#include <string_view>

#include "domain/models.hpp"
#include "domain/validation.hpp"
#include "http/request.hpp"

namespace nicecream::api {

// The parameters of every list's page window (read_page_window).
inline constexpr std::array<std::string_view, 3> kPageParameters{"offset", "limit", "before"};

// Reads a request's query against the parameters a route knows; unknown ones are errors, so a
// typo is reported instead of silently ignored.
class QueryReader {
 public:
  // `known` are the route's own parameters; a list adds kPageParameters as `also_known`.
  QueryReader(const http::QueryParams& query, std::initializer_list<std::string_view> known,
              std::span<const std::string_view> also_known = {});

  // nullopt when absent or invalid (invalid also records an error).
  std::optional<std::int64_t> integer(std::string_view name, domain::IntegerRule rule);
  const domain::ValidationErrors& errors() const { return errors_; }

 private:
  const http::QueryParams& query_;
  domain::ValidationErrors errors_;
};

// Which part of a list a request asks for: keyset (`before`: ids below it) or, for the original's
// clients, OFFSET; `limit` items at most.
struct PageWindow {
  std::optional<domain::Id> before;
  std::int64_t offset = 0;
  int limit = 0;
};

// offset >= 0 (default 0), limit 1..kMaxPageSize (default kDefaultPageSize), before >= 1; a
// value out of range is recorded in the reader's errors and read as absent.
PageWindow read_page_window(QueryReader& reader);

}  // namespace nicecream::api
