#pragma once

#include <boost/json/value.hpp>
#include <string_view>

namespace nicecream::support::openapi {

// The value a local reference ("#/components/schemas/Channel") points at in the document, or
// nullptr when it points nowhere. Only same-document references exist in our description.
const boost::json::value* find_reference(const boost::json::value& document, std::string_view ref);

// Follows `$ref` chains from `node` until an object without `$ref`; throws SpecError when a
// reference does not resolve or the chain loops.
const boost::json::object& follow_references(const boost::json::value& document,
                                             const boost::json::object& node);

}  // namespace nicecream::support::openapi
