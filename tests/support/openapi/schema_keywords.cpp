#include "support/openapi/schema_keywords.hpp"

#include <algorithm>
#include <boost/json/serialize.hpp>

namespace nicecream::support::openapi {

namespace {

bool contains(const auto& list, std::string_view name) {
  return std::ranges::find(list, name) != list.end();
}

}  // namespace

std::optional<std::string> unsupported_keyword(const boost::json::object& schema) {
  for (const auto& [keyword, value] : schema)
    if (!contains(kCheckedKeywords, keyword) && !contains(kAnnotationKeywords, keyword))
      return "schema keyword \"" + std::string(keyword) + "\" is not supported by the checker";
  const auto* format = schema.if_contains("format");
  if (format && (!format->is_string() || !contains(kCheckedFormats, format->get_string())))
    return "schema format " + boost::json::serialize(*format) + " is not supported by the checker";
  return std::nullopt;
}

}  // namespace nicecream::support::openapi
