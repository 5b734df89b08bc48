#pragma once

#include <string_view>

namespace nicecream::api {

// docs/openapi.json, compiled into the binary.
std::string_view openapi_document();

}  // namespace nicecream::api
