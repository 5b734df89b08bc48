#pragma once

#include <array>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "domain/catalog.hpp"
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
  // UTF-8 text of 1..max_characters code points (not bytes).
  std::optional<std::string> text(std::string_view name, std::size_t max_characters);
  // An RFC 3339 date-time with its offset (domain::parse_rfc3339), 1970 or later.
  std::optional<domain::Timestamp> timestamp(std::string_view name);
  // One of `choices`, spelled exactly.
  std::optional<std::string_view> one_of(std::string_view name,
                                         std::initializer_list<std::string_view> choices);
  // A rule across parameters, broken: recorded against `name`.
  void reject(std::string_view name, std::string message);
  const domain::ValidationErrors& errors() const { return errors_; }

 private:
  const http::QueryParams& query_;
  domain::ValidationErrors errors_;
};

// A `{name:int}` path capture that must be an id (>= 1); else recorded under "path".
std::optional<domain::Id> read_path_id(const http::Request& request, std::string_view name,
                                       domain::ValidationErrors& errors);

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

// `from` and `to` (RFC 3339, either may be absent): the items with from <= created_at < to;
// to <= from is an error on `to`.
struct TimeWindow {
  std::optional<domain::Timestamp> from;
  std::optional<domain::Timestamp> to;
};
TimeWindow read_time_window(QueryReader& reader);

// `channel_id`: absent means every channel. As in the original, it is at least 1 when given, so
// 0 is a 422 like any other value out of range.
std::optional<domain::Id> read_channel_filter(QueryReader& reader);

// `q` (1..domain::kMaxSearchLength characters), `offset`, `limit`: a page of songs or artists.
// The reader must know "q" and kPageParameters; `before` is refused as unknown by the route.
domain::CatalogQuery read_catalog_query(QueryReader& reader);

namespace query_messages {
inline constexpr std::string_view not_utf8 = "Not valid UTF-8.";
inline constexpr std::string_view not_datetime =
    "Not a valid datetime: RFC 3339 with an offset, e.g. 2026-12-04T17:05:00+01:00.";
inline constexpr std::string_view not_after_from = "Must be later than from.";
inline constexpr std::string_view before_epoch = "Must be 1970-01-01T00:00:00Z or later.";
}  // namespace query_messages

}  // namespace nicecream::api
