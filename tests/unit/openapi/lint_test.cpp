#include "support/openapi/lint.hpp"

#include <gtest/gtest.h>

#include <boost/json/parse.hpp>

namespace nicecream::support::openapi {
namespace {

namespace json = boost::json;

// A sound document, with `paths` and `schemas` swapped in by each test.
json::value document(std::string_view paths, std::string_view schemas) {
  return json::parse(R"({"openapi": "3.0.3", "info": {"title": "t", "version": "1"}, "paths": )" +
                     std::string(paths) + R"(, "components": {"schemas": )" + std::string(schemas) +
                     "}}");
}

constexpr std::string_view kSoundPaths = R"({
  "/a/{a_id}": {"get": {
    "parameters": [{"$ref": "#/components/parameters/AId"}],
    "responses": {"200": {"description": "ok", "content": {"application/json": {
      "schema": {"$ref": "#/components/schemas/A"}}}}}}}
})";

constexpr std::string_view kSoundSchemas = R"({
  "A": {"type": "object", "properties": {"b": {"type": "array", "items": {"type": "string"}}},
        "example": {"$ref": "not a reference, only an example", "oneOf": 1}}
})";

json::value sound_document() {
  auto sound = document(kSoundPaths, kSoundSchemas);
  sound.as_object()["components"].as_object()["parameters"] = json::parse(
      R"({"AId": {"name": "a_id", "in": "path", "required": true, "schema": {"type": "integer"}}})");
  return sound;
}

bool mentions(const std::vector<std::string>& problems, std::string_view part) {
  for (const auto& problem : problems)
    if (problem.find(part) != std::string::npos) return true;
  return false;
}

TEST(OpenApiLint, FindsNothingInASoundDocument) {
  EXPECT_EQ(lint(sound_document()), std::vector<std::string>{});
}

TEST(OpenApiLint, ReportsReferencesThatDoNotResolve) {
  auto broken = sound_document();
  broken.as_object()["components"]
      .as_object()["schemas"]
      .as_object()["A"]
      .as_object()["properties"]
      .as_object()["c"] = json::parse(R"({"$ref": "#/components/schemas/Gone"})");
  const auto problems = lint(broken);
  EXPECT_TRUE(mentions(problems,
                       "#/components/schemas/A/properties/c: $ref \"#/components/schemas/Gone\" "
                       "does not resolve"))
      << ::testing::PrintToString(problems);
}

TEST(OpenApiLint, ReportsKeywordsTheCheckerCannotEnforce) {
  const auto problems =
      lint(document(R"({"/x": {"get": {"responses": {"200": {"description": "ok",
                        "content": {"application/json": {"schema": {"type": "string",
                        "pattern": "^a"}}}}}}}})",
                    R"({"B": {"type": "object", "properties": {"u": {"type": "string",
                        "format": "uri"}}, "additionalProperties": {"allOf": []}}})"));
  EXPECT_TRUE(mentions(problems,
                       "#/paths/~1x/get/responses/200/content/application~1json/schema: "
                       "schema keyword \"pattern\""))
      << ::testing::PrintToString(problems);
  EXPECT_TRUE(mentions(problems, "#/components/schemas/B/properties/u: schema format \"uri\""))
      << ::testing::PrintToString(problems);
  EXPECT_TRUE(mentions(problems,
                       "#/components/schemas/B/additionalProperties: schema keyword "
                       "\"allOf\""))
      << ::testing::PrintToString(problems);
}

TEST(OpenApiLint, ReportsPathParametersThatDoNotMatchTheTemplate) {
  const auto problems = lint(document(R"({
    "/a/{a_id}": {"get": {"responses": {"200": {"description": "ok"}}}},
    "/b": {"get": {"parameters": [{"name": "b_id", "in": "path", "required": true,
                                   "schema": {"type": "integer"}}],
                   "responses": {"200": {"description": "ok"}}}},
    "/c/{c_id}": {"parameters": [{"name": "c_id", "in": "path", "schema": {"type": "integer"}}],
                  "delete": {"responses": {"200": {"description": "ok"}}}}
  })",
                                      "{}"));
  EXPECT_TRUE(mentions(problems, "#/paths/~1a~1{a_id}/get: {a_id} has no `in: path` parameter"))
      << ::testing::PrintToString(problems);
  EXPECT_TRUE(
      mentions(problems, "#/paths/~1b/get: path parameter b_id is not in the path template"))
      << ::testing::PrintToString(problems);
  EXPECT_TRUE(mentions(problems, "#/paths/~1c~1{c_id}/delete: path parameter c_id is not required"))
      << ::testing::PrintToString(problems);
}

}  // namespace
}  // namespace nicecream::support::openapi
