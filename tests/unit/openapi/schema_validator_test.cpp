#include "support/openapi/schema_validator.hpp"

#include <gtest/gtest.h>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "support/openapi/spec_error.hpp"

namespace nicecream::support::openapi {
namespace {

namespace json = boost::json;

const json::value kDocument = json::parse(R"({
  "openapi": "3.0.3",
  "paths": {},
  "components": {"schemas": {
    "Id": {"type": "integer", "format": "int64", "minimum": 1},
    "Item": {
      "type": "object",
      "required": ["id", "created_at", "title"],
      "additionalProperties": false,
      "properties": {
        "id": {"$ref": "#/components/schemas/Id"},
        "created_at": {"type": "string", "format": "date-time"},
        "title": {"type": "string", "minLength": 1, "maxLength": 5, "description": "a title"},
        "score": {"type": "number", "nullable": true},
        "kind": {"type": "string", "enum": ["a", "b"]},
        "tags": {"type": "array", "minItems": 1, "maxItems": 2, "items": {"type": "string"}},
        "small": {"type": "integer", "format": "int32", "minimum": -3, "maximum": 3},
        "flag": {"type": "boolean"}
      }
    },
    "Items": {"type": "array", "items": {"$ref": "#/components/schemas/Item"}},
    "Messages": {
      "type": "object",
      "minProperties": 1,
      "additionalProperties": {"type": "array", "items": {"type": "string"}}
    },
    "Loop": {"$ref": "#/components/schemas/Loop"},
    "Dangling": {"$ref": "#/components/schemas/Nowhere"},
    "Choice": {"oneOf": [{"type": "string"}, {"type": "integer"}]},
    "Uri": {"type": "string", "format": "uri"}
  }}
})");

std::optional<Violation> check(std::string_view schema_name, std::string_view instance) {
  const json::value schema = {{"$ref", "#/components/schemas/" + std::string(schema_name)}};
  return SchemaValidator(kDocument).validate(schema, json::parse(instance));
}

// An Item with every property set, valid, and one field replaced by `field` (JSON text).
std::string item_with(std::string_view name, std::string_view value) {
  auto item = json::parse(R"({"id": 7, "created_at": "2026-11-27T19:57:07.590829+00:00",
                              "title": "abc", "score": 1.5, "kind": "a", "tags": ["x"],
                              "small": 0, "flag": true})")
                  .as_object();
  item[name] = json::parse(value);
  return json::serialize(item);
}

void expect_violation(const std::optional<Violation>& violation, std::string_view where,
                      std::string_view message_part) {
  ASSERT_TRUE(violation.has_value()) << "expected a violation at " << where;
  EXPECT_EQ(violation->where, where) << *violation;
  EXPECT_NE(violation->message.find(message_part), std::string::npos) << *violation;
}

TEST(OpenApiSchemaValidator, AcceptsAValidObject) {
  const auto violation = check("Item", item_with("title", R"("abc")"));
  EXPECT_FALSE(violation) << *violation;
}

TEST(OpenApiSchemaValidator, AcceptsAnObjectWithOnlyTheRequiredFields) {
  const auto violation =
      check("Item", R"({"id": 1, "created_at": "2026-01-01T00:00:00Z", "title": "a"})");
  EXPECT_FALSE(violation) << *violation;
}

TEST(OpenApiSchemaValidator, RejectsWrongTypes) {
  expect_violation(check("Item", item_with("id", R"("7")")), "$.id",
                   "expected integer, got string");
  expect_violation(check("Item", item_with("title", "5")), "$.title", "expected string");
  expect_violation(check("Item", item_with("flag", "1")), "$.flag", "expected boolean");
  expect_violation(check("Item", item_with("tags", "{}")), "$.tags", "expected array");
  expect_violation(check("Items", "{}"), "$", "expected array, got object");
}

TEST(OpenApiSchemaValidator, RejectsAFloatWhereAnIntegerIsDescribed) {
  expect_violation(check("Item", item_with("id", "7.0")), "$.id", "expected integer, got number");
}

TEST(OpenApiSchemaValidator, AcceptsIntegersAsNumbers) {
  const auto violation = check("Item", item_with("score", "3"));
  EXPECT_FALSE(violation) << *violation;
}

TEST(OpenApiSchemaValidator, RejectsAMissingRequiredField) {
  expect_violation(check("Item", R"({"id": 1, "created_at": "2026-01-01T00:00:00Z"})"), "$",
                   "missing required property \"title\"");
}

TEST(OpenApiSchemaValidator, RejectsAnExtraField) {
  expect_violation(check("Item", item_with("surprise", "1")), "$.surprise",
                   "additionalProperties is false");
}

TEST(OpenApiSchemaValidator, RejectsABadDateTime) {
  expect_violation(check("Item", item_with("created_at", R"("2026-11-27T19:57:07.590829")")),
                   "$.created_at", "not an RFC 3339 date-time");
  expect_violation(check("Item", item_with("created_at", R"("yesterday")")), "$.created_at",
                   "date-time");
}

TEST(OpenApiSchemaValidator, AllowsNullOnlyWhereNullable) {
  EXPECT_FALSE(check("Item", item_with("score", "null")));
  expect_violation(check("Item", item_with("title", "null")), "$.title",
                   "expected string, got null");
}

TEST(OpenApiSchemaValidator, RejectsValuesOutsideTheEnum) {
  expect_violation(check("Item", item_with("kind", R"("c")")), "$.kind",
                   R"(is not one of ["a","b"])");
}

TEST(OpenApiSchemaValidator, CountsStringLengthInCharacters) {
  EXPECT_FALSE(check("Item", item_with("title", R"("ééééé")")));
  expect_violation(check("Item", item_with("title", R"("")")), "$.title",
                   "shorter than minLength 1");
  expect_violation(check("Item", item_with("title", R"("abcdef")")), "$.title",
                   "longer than maxLength 5");
}

TEST(OpenApiSchemaValidator, ChecksMinimumMaximumAndIntegerFormats) {
  expect_violation(check("Item", item_with("id", "0")), "$.id", "less than minimum 1");
  expect_violation(check("Item", item_with("small", "-4")), "$.small", "less than minimum -3");
  expect_violation(check("Item", item_with("small", "4")), "$.small", "greater than maximum 3");
  EXPECT_FALSE(check("Id", "9223372036854775807"));
  expect_violation(check("Id", "9223372036854775808"), "$", "does not fit format int64");
  expect_violation(check("Item", item_with("small", "2147483648")), "$.small",
                   "does not fit format int32");
}

TEST(OpenApiSchemaValidator, ChecksArrayItemsAndSizes) {
  expect_violation(check("Item", item_with("tags", "[1]")), "$.tags[0]", "expected string");
  expect_violation(check("Item", item_with("tags", "[]")), "$.tags", "shorter than minItems 1");
  expect_violation(check("Item", item_with("tags", R"(["a", "b", "c"])")), "$.tags",
                   "longer than maxItems 2");
}

TEST(OpenApiSchemaValidator, ReportsThePathIntoNestedArrays) {
  const auto good = item_with("title", R"("ok")");
  expect_violation(check("Items", "[" + good + "," + item_with("id", "-1") + "]"), "$[1].id",
                   "less than minimum");
}

TEST(OpenApiSchemaValidator, ChecksAdditionalPropertiesSchemas) {
  EXPECT_FALSE(check("Messages", R"({"offset": ["Must be greater than or equal to 0."]})"));
  expect_violation(check("Messages", R"({"X-Csrf-Token": [2]})"), R"($["X-Csrf-Token"][0])",
                   "expected string");
  expect_violation(check("Messages", "{}"), "$", "fewer than minProperties 1");
}

TEST(OpenApiSchemaValidator, RefusesSchemasItCannotEnforce) {
  EXPECT_THROW(check("Choice", "1"), SpecError);
  EXPECT_THROW(check("Uri", R"("http://example.test/")"), SpecError);
}

TEST(OpenApiSchemaValidator, RefusesBrokenReferences) {
  EXPECT_THROW(check("Dangling", "1"), SpecError);
  EXPECT_THROW(check("Loop", "1"), SpecError);
}

}  // namespace
}  // namespace nicecream::support::openapi
