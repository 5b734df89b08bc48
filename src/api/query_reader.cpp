#include "api/query_reader.hpp"

#include <algorithm>
#include <string>

namespace nicecream::api {

QueryReader::QueryReader(const http::QueryParams& query,
                         std::initializer_list<std::string_view> known)
    : query_(query) {
  for (const auto& [name, value] : query.entries)
    if (std::find(known.begin(), known.end(), name) == known.end())
      errors_.add("query", name, std::string(domain::messages::unknown_field));
}

std::optional<std::int64_t> QueryReader::integer(std::string_view name, domain::IntegerRule rule) {
  const auto text = query_.get(name);
  if (!text) return std::nullopt;
  return domain::read_integer(*text, rule, "query", name, errors_);
}

}  // namespace nicecream::api
