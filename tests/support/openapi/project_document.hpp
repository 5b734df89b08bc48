#pragma once

#include <boost/json/value.hpp>

namespace nicecream::support::openapi {

// docs/openapi.json of the source tree the tests run from, parsed once.
const boost::json::value& project_document();

}  // namespace nicecream::support::openapi
