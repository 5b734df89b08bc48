#include "support/openapi/spec.hpp"

#include <gtest/gtest.h>

#include <boost/json/parse.hpp>

#include "support/openapi/spec_error.hpp"

namespace nicecream::support::openapi {
namespace {

namespace json = boost::json;

const Spec kSpec(json::parse(R"({
  "openapi": "3.0.3",
  "info": {"title": "t", "version": "1"},
  "paths": {
    "/things": {
      "get": {"responses": {
        "200": {"description": "ok", "content": {"application/json": {"schema": {
          "type": "array", "items": {"$ref": "#/components/schemas/Thing"}}}}},
        "4XX": {"$ref": "#/components/responses/Problem"}
      }},
      "post": {"responses": {"default": {"$ref": "#/components/responses/Problem"}}}
    },
    "/things/{thing_id}": {
      "parameters": [{"name": "thing_id", "in": "path", "required": true,
                      "schema": {"type": "integer"}}],
      "delete": {"responses": {
        "200": {"description": "ok", "content": {"application/json": {"schema": {
          "type": "object", "additionalProperties": false}}}},
        "404": {"$ref": "#/components/responses/Problem"}
      }}
    },
    "/out": {"get": {"responses": {"302": {"description": "redirect"}}}},
    "/stream": {"get": {"responses": {"200": {"description": "events",
      "content": {"text/event-stream": {"schema": {"type": "string"}}}}}}}
  },
  "components": {
    "schemas": {
      "Thing": {"type": "object", "required": ["id"], "additionalProperties": false,
                "properties": {"id": {"type": "integer"}}},
      "Error": {"type": "object", "required": ["detail"], "additionalProperties": false,
                "properties": {"detail": {"type": "string"}}}
    },
    "responses": {
      "Problem": {"description": "error", "content": {"application/json": {"schema": {
        "$ref": "#/components/schemas/Error"}}}}
    }
  }
})"));

ReceivedResponse json_response(std::string method, std::string path, int status, std::string body) {
  return {std::move(method), std::move(path), status, "application/json; charset=utf-8",
          std::move(body)};
}

void expect_violation(const std::optional<Violation>& violation, std::string_view where,
                      std::string_view message_part) {
  ASSERT_TRUE(violation.has_value()) << "expected a violation at " << where;
  EXPECT_EQ(violation->where, where) << *violation;
  EXPECT_NE(violation->message.find(message_part), std::string::npos) << *violation;
}

TEST(OpenApiSpec, ListsEveryOperationSorted) {
  const std::vector<Operation> expected{{"DELETE", "/things/{thing_id}"},
                                        {"GET", "/out"},
                                        {"GET", "/stream"},
                                        {"GET", "/things"},
                                        {"POST", "/things"}};
  EXPECT_EQ(kSpec.operations(), expected);
}

TEST(OpenApiSpec, AcceptsConformingResponses) {
  for (const auto& response :
       {json_response("GET", "/things?limit=2", 200, R"([{"id": 1}])"),
        json_response("get", "/things", 404, R"({"detail": "no"})"),
        json_response("DELETE", "/things/5", 200, "{}"),
        ReceivedResponse{"GET", "/out", 302, "", ""},
        ReceivedResponse{"GET", "/stream", 200, "text/event-stream", ": live\n\n"}}) {
    const auto violation = kSpec.check_response(response);
    EXPECT_FALSE(violation) << response.method << " " << response.path << ": " << *violation;
  }
}

TEST(OpenApiSpec, ChecksTheBodyAgainstTheStatusSchema) {
  expect_violation(kSpec.check_response(json_response("GET", "/things", 200, R"([{"id": "1"}])")),
                   "$[0].id", "expected integer");
  expect_violation(kSpec.check_response(json_response("GET", "/things", 200, R"({"detail": "x"})")),
                   "$", "expected array");
  expect_violation(kSpec.check_response(json_response("DELETE", "/things/5", 200, R"({"a": 1})")),
                   "$.a", "additionalProperties");
}

TEST(OpenApiSpec, UsesRangesAndDefaultWhenTheStatusIsNotListed) {
  expect_violation(kSpec.check_response(json_response("GET", "/things", 418, "[]")), "$",
                   "expected object");
  EXPECT_FALSE(kSpec.check_response(json_response("POST", "/things", 500, R"({"detail": "x"})")));
}

TEST(OpenApiSpec, RejectsUndescribedStatusesMethodsAndPaths) {
  expect_violation(kSpec.check_response(json_response("GET", "/things", 500, "{}")), "response",
                   "status 500 is not described for GET /things (described: 200, 4XX)");
  expect_violation(kSpec.check_response(json_response("PUT", "/things", 200, "{}")), "response",
                   "PUT /things is not described");
  expect_violation(kSpec.check_response(json_response("GET", "/nothing", 200, "{}")), "response",
                   "no path of the document matches /nothing");
}

TEST(OpenApiSpec, RejectsAnUndescribedContentType) {
  expect_violation(kSpec.check_response({"GET", "/things", 200, "text/html", "[]"}), "response",
                   "Content-Type \"text/html\" is not described (described: application/json)");
  expect_violation(kSpec.check_response({"GET", "/things", 200, "", "[]"}), "response",
                   "is not described");
}

TEST(OpenApiSpec, RejectsABodyWhereNoneIsDescribed) {
  expect_violation(kSpec.check_response({"GET", "/out", 302, "text/plain", "Found"}), "response",
                   "describes no body, got 5 bytes");
}

TEST(OpenApiSpec, RejectsABodyThatIsNotJson) {
  expect_violation(kSpec.check_response(json_response("GET", "/things", 200, "[{")), "$",
                   "not JSON");
}

TEST(OpenApiSpec, ChecksParsedJsonAndNamedSchemas) {
  EXPECT_FALSE(kSpec.check_json("GET", "/things", 200, json::parse(R"([{"id": 3}])")));
  expect_violation(kSpec.check_json("GET", "/things", 200, json::parse(R"([{}])")), "$[0]",
                   "missing required property \"id\"");
  EXPECT_FALSE(kSpec.check_schema("Error", json::parse(R"({"detail": "x"})")));
  expect_violation(kSpec.check_schema("Error", json::parse(R"({"detail": {}})")), "$.detail",
                   "expected string");
  EXPECT_THROW(kSpec.check_schema("Missing", json::parse("{}")), SpecError);
}

TEST(OpenApiSpec, MatchesConcretePathsToTemplates) {
  EXPECT_EQ(kSpec.match_path("/things/42"), "/things/{thing_id}");
  EXPECT_EQ(kSpec.match_path("/things?x=1"), "/things");
  EXPECT_EQ(kSpec.match_path("/things/42/parts"), std::nullopt);
}

TEST(OpenApiSpec, RefusesDocumentsThatAreNotOpenApi30) {
  EXPECT_THROW(Spec(json::parse(R"({"swagger": "2.0", "paths": {}})")), SpecError);
  EXPECT_THROW(Spec(json::parse(R"({"openapi": "3.1.0", "paths": {}})")), SpecError);
  EXPECT_THROW(Spec(json::parse(R"({"openapi": "3.0.3"})")), SpecError);
  EXPECT_THROW(Spec(json::parse("[]")), SpecError);
  EXPECT_THROW(Spec::load("/nonexistent/openapi.json"), SpecError);
}

}  // namespace
}  // namespace nicecream::support::openapi
