#pragma once

#include <array>
#include <boost/json/object.hpp>
#include <optional>
#include <string>
#include <string_view>

namespace nicecream::support::openapi {

// The schema keywords the validator enforces. A schema using any other validation keyword
// (oneOf, pattern, ...) is refused rather than silently passed.
inline constexpr std::array<std::string_view, 16> kCheckedKeywords{
    "$ref",      "type",     "nullable", "required",     "properties", "additionalProperties",
    "items",     "enum",     "format",   "minimum",      "maximum",    "minLength",
    "maxLength", "minItems", "maxItems", "minProperties"};

// Keywords that only document and never change what is valid.
inline constexpr std::array<std::string_view, 5> kAnnotationKeywords{
    "description", "title", "example", "default", "deprecated"};

inline constexpr std::array<std::string_view, 3> kCheckedFormats{"date-time", "int32", "int64"};

// Why the validator cannot enforce this schema object (a keyword or format it does not know),
// or nullopt when it can. Looks at this object only, not at its sub-schemas.
std::optional<std::string> unsupported_keyword(const boost::json::object& schema);

}  // namespace nicecream::support::openapi
