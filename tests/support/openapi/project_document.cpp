#include "support/openapi/project_document.hpp"

#include <boost/json/parse.hpp>
#include <fstream>
#include <sstream>

#include "support/source_tree.hpp"

namespace nicecream::support::openapi {

const boost::json::value& project_document() {
  static const boost::json::value parsed = [] {
    std::ifstream input(testing::source_path("docs/openapi.json"), std::ios::binary);
    std::ostringstream text;
    text << input.rdbuf();
    return boost::json::parse(text.str());
  }();
  return parsed;
}

}  // namespace nicecream::support::openapi
