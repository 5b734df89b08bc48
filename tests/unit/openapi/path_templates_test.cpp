#include "support/openapi/path_templates.hpp"

#include <gtest/gtest.h>

namespace nicecream::support::openapi {
namespace {

const std::vector<std::string> kTemplates{
    "/user",           "/user/bookmarks", "/user/bookmarks/{bookmark_id}",
    "/user/{section}", "/docs",           "/docs/"};

TEST(OpenApiPathTemplates, NamesTheParameters) {
  EXPECT_EQ(template_parameters("/user/bookmarks/{bookmark_id}"),
            std::vector<std::string>{"bookmark_id"});
  EXPECT_EQ(template_parameters("/a/{x}/b/{y}"), (std::vector<std::string>{"x", "y"}));
  EXPECT_TRUE(template_parameters("/channels").empty());
}

TEST(OpenApiPathTemplates, MatchesParametersAndIgnoresTheQuery) {
  EXPECT_EQ(match_path_template(kTemplates, "/user/bookmarks/17"), "/user/bookmarks/{bookmark_id}");
  EXPECT_EQ(match_path_template(kTemplates, "/user/bookmarks?offset=50"), "/user/bookmarks");
}

TEST(OpenApiPathTemplates, PrefersLiteralSegments) {
  EXPECT_EQ(match_path_template(kTemplates, "/user/bookmarks"), "/user/bookmarks");
  EXPECT_EQ(match_path_template(kTemplates, "/user/sign_out"), "/user/{section}");
}

TEST(OpenApiPathTemplates, KeepsTrailingSlashesApart) {
  EXPECT_EQ(match_path_template(kTemplates, "/docs"), "/docs");
  EXPECT_EQ(match_path_template(kTemplates, "/docs/"), "/docs/");
}

TEST(OpenApiPathTemplates, FindsNothingForUnknownPathsOrEmptyParameters) {
  EXPECT_EQ(match_path_template(kTemplates, "/nope"), std::nullopt);
  EXPECT_EQ(match_path_template(kTemplates, "/user/bookmarks/17/more"), std::nullopt);
  EXPECT_EQ(match_path_template(kTemplates, "/user/"), std::nullopt);
}

}  // namespace
}  // namespace nicecream::support::openapi
