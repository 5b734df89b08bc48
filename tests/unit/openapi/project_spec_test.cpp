// docs/openapi.json where it must agree with the C++ code. (Its soundness and completeness
// against the contract are project-spec.test.mjs's.)
#include <gtest/gtest.h>

#include <boost/json/parse.hpp>
#include <fstream>
#include <sstream>

#include "domain/pages.hpp"
#include "domain/source_format.hpp"
#include "support/source_tree.hpp"

namespace nicecream::testing {
namespace {

namespace json = boost::json;

const json::value& document() {
  static const json::value parsed = [] {
    std::ifstream input(source_path("docs/openapi.json"), std::ios::binary);
    std::ostringstream text;
    text << input.rdbuf();
    return json::parse(text.str());
  }();
  return parsed;
}

TEST(OpenApiProjectSpec, PageSizesMatchTheDomain) {
  const auto& limit = document().at_pointer("/components/parameters/Limit/schema");
  EXPECT_EQ(limit.at("default"), domain::kDefaultPageSize);
  EXPECT_EQ(limit.at("maximum"), domain::kMaxPageSize);
}

TEST(OpenApiProjectSpec, ChannelFormatsAreTheDomainsSourceFormats) {
  const auto& formats =
      document().at_pointer("/components/schemas/Channel/properties/format/enum").as_array();
  EXPECT_FALSE(formats.empty());
  for (const auto& name : formats) {
    const auto parsed = domain::parse_source_format(name.as_string());
    ASSERT_TRUE(parsed) << name;
    EXPECT_EQ(domain::to_string(*parsed), name.as_string());
  }
}

}  // namespace
}  // namespace nicecream::testing
