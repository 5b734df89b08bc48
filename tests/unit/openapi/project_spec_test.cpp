// docs/openapi.json where it must agree with the C++ code. (Its soundness and completeness
// against the contract are project-spec.test.mjs's.)
#include <gtest/gtest.h>

#include "domain/pages.hpp"
#include "domain/source_format.hpp"
#include "support/openapi/project_document.hpp"

namespace nicecream::testing {
namespace {

using support::openapi::project_document;

TEST(OpenApiProjectSpec, PageSizesMatchTheDomain) {
  const auto& limit = project_document().at_pointer("/components/parameters/Limit/schema");
  EXPECT_EQ(limit.at("default"), domain::kDefaultPageSize);
  EXPECT_EQ(limit.at("maximum"), domain::kMaxPageSize);
}

TEST(OpenApiProjectSpec, ChannelFormatsAreTheDomainsSourceFormats) {
  const auto& formats = project_document()
                            .at_pointer("/components/schemas/Channel/properties/format/enum")
                            .as_array();
  EXPECT_FALSE(formats.empty());
  for (const auto& name : formats) {
    const auto parsed = domain::parse_source_format(name.as_string());
    ASSERT_TRUE(parsed) << name;
    EXPECT_EQ(domain::to_string(*parsed), name.as_string());
  }
}

}  // namespace
}  // namespace nicecream::testing
