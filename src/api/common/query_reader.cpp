#include "api/common/query_reader.hpp"

#include <algorithm>
#include <string>

#include "domain/pages.hpp"

namespace nicecream::api {

QueryReader::QueryReader(const http::QueryParams& query,
                         std::initializer_list<std::string_view> known,
                         std::span<const std::string_view> also_known)
    : query_(query) {
  for (const auto& [name, value] : query.entries)
    if (std::ranges::find(known, name) == known.end() &&
        std::ranges::find(also_known, name) == also_known.end())
      errors_.add("query", name, std::string(domain::messages::unknown_field));
}

std::optional<std::int64_t> QueryReader::integer(std::string_view name, domain::IntegerRule rule) {
  const auto text = query_.get(name);
  if (!text) return std::nullopt;
  return domain::read_integer(*text, rule, "query", name, errors_);
}

PageWindow read_page_window(QueryReader& reader) {
  const auto offset = reader.integer("offset", {.min = 0});
  const auto limit = reader.integer("limit", {.min = 1, .max = domain::kMaxPageSize});
  return {.before = reader.integer("before", {.min = 1}),
          .offset = offset.value_or(0),
          .limit = static_cast<int>(limit.value_or(domain::kDefaultPageSize))};
}

}  // namespace nicecream::api
