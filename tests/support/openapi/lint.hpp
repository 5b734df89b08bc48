#pragma once

#include <boost/json/value.hpp>
#include <string>
#include <vector>

namespace nicecream::support::openapi {

// What is wrong with the document itself, one line each with its location ("#/paths/..."):
// a $ref that resolves nowhere, a schema keyword or format the checker cannot enforce, a path
// template parameter without its `in: path, required: true` parameter (or the reverse).
// Empty when the document is sound for the checker.
std::vector<std::string> lint(const boost::json::value& document);

}  // namespace nicecream::support::openapi
