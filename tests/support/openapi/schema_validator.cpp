#include "support/openapi/schema_validator.hpp"

#include <boost/json/serialize.hpp>
#include <cstdint>
#include <limits>

#include "support/openapi/date_time.hpp"
#include "support/openapi/json_path.hpp"
#include "support/openapi/references.hpp"
#include "support/openapi/schema_keywords.hpp"
#include "support/openapi/spec_error.hpp"

namespace nicecream::support::openapi {

namespace json = boost::json;

namespace {

// Deeper than any honest schema; a recursive $ref stops here instead of overflowing the stack.
constexpr int kMaxDepth = 64;
constexpr std::size_t kMaxRenderedLength = 60;

std::string render(const json::value& value) {
  auto text = json::serialize(value);
  if (text.size() > kMaxRenderedLength) text = text.substr(0, kMaxRenderedLength) + "...";
  return text;
}

std::string_view kind_name(const json::value& value) {
  switch (value.kind()) {
    case json::kind::null:
      return "null";
    case json::kind::bool_:
      return "boolean";
    case json::kind::int64:
    case json::kind::uint64:
      return "integer";
    case json::kind::double_:
      return "number";
    case json::kind::string:
      return "string";
    case json::kind::array:
      return "array";
    case json::kind::object:
      return "object";
  }
  return "value";
}

// Integers must be JSON integers: 1.0 is a number, not an integer, so a drift to floats shows.
bool has_type(const json::value& value, std::string_view type) {
  if (type == "object") return value.is_object();
  if (type == "array") return value.is_array();
  if (type == "string") return value.is_string();
  if (type == "boolean") return value.is_bool();
  if (type == "integer") return value.is_int64() || value.is_uint64();
  if (type == "number") return value.is_number();
  throw SpecError("unknown schema type \"" + std::string(type) + "\"");
}

// long double holds every int64 and uint64 exactly on our targets, so comparisons are exact.
long double as_number(const json::value& value) {
  if (value.is_int64()) return static_cast<long double>(value.get_int64());
  if (value.is_uint64()) return static_cast<long double>(value.get_uint64());
  return static_cast<long double>(value.get_double());
}

std::optional<long double> number_keyword(const json::object& schema, std::string_view keyword) {
  const json::value* value = schema.if_contains(keyword);
  if (!value) return std::nullopt;
  if (!value->is_number()) throw SpecError(std::string(keyword) + " is not a number");
  return as_number(*value);
}

std::optional<std::size_t> count_keyword(const json::object& schema, std::string_view keyword) {
  const json::value* value = schema.if_contains(keyword);
  if (!value) return std::nullopt;
  if (!value->is_int64() || value->get_int64() < 0)
    throw SpecError(std::string(keyword) + " is not a non-negative integer");
  return static_cast<std::size_t>(value->get_int64());
}

const json::array* array_keyword(const json::object& schema, std::string_view keyword) {
  const json::value* value = schema.if_contains(keyword);
  if (value && !value->is_array()) throw SpecError(std::string(keyword) + " is not an array");
  return value ? &value->get_array() : nullptr;
}

const json::object* object_keyword(const json::object& schema, std::string_view keyword) {
  const json::value* value = schema.if_contains(keyword);
  if (value && !value->is_object()) throw SpecError(std::string(keyword) + " is not an object");
  return value ? &value->get_object() : nullptr;
}

std::string_view format_of(const json::object& schema) {
  const json::value* format = schema.if_contains("format");
  return format ? std::string_view(format->get_string()) : std::string_view();
}

// Characters, not bytes: maxLength counts what people count.
std::size_t code_points(std::string_view text) {
  std::size_t count = 0;
  for (const char byte : text)
    if ((static_cast<unsigned char>(byte) & 0xC0) != 0x80) ++count;
  return count;
}

bool fits_format(const json::value& number, std::string_view format) {
  if (format == "int64") return number.is_int64();
  if (format == "int32")
    return number.is_int64() && number.get_int64() >= std::numeric_limits<std::int32_t>::min() &&
           number.get_int64() <= std::numeric_limits<std::int32_t>::max();
  return true;
}

}  // namespace

std::optional<Violation> SchemaValidator::validate(const json::value& schema,
                                                   const json::value& instance) const {
  return check(schema, instance, "$", 0);
}

SchemaValidator::Result SchemaValidator::check(const json::value& schema_value,
                                               const json::value& instance, const std::string& path,
                                               int depth) const {
  if (depth > kMaxDepth) throw SpecError("schema nesting deeper than 64 (a recursive $ref?)");
  if (!schema_value.is_object()) throw SpecError("a schema that is not an object");
  const json::object& schema = follow_references(document_, schema_value.get_object());
  if (auto problem = unsupported_keyword(schema)) throw SpecError(*problem);
  if (auto violation = check_type(schema, instance, path)) return violation;
  if (instance.is_null()) return std::nullopt;
  if (auto violation = check_enum(schema, instance, path)) return violation;
  if (instance.is_string()) return check_string(schema, instance.get_string(), path);
  if (instance.is_number()) return check_number(schema, instance, path);
  if (instance.is_object()) return check_object(schema, instance.get_object(), path, depth);
  if (instance.is_array()) return check_array(schema, instance.get_array(), path, depth);
  return std::nullopt;
}

// OpenAPI 3.0 has no "null" type: null is valid only where `nullable: true` says so.
SchemaValidator::Result SchemaValidator::check_type(const json::object& schema,
                                                    const json::value& instance,
                                                    const std::string& path) const {
  const json::value* type = schema.if_contains("type");
  if (type && !type->is_string()) throw SpecError("type is not a string");
  const json::value* nullable = schema.if_contains("nullable");
  if (nullable && !nullable->is_bool()) throw SpecError("nullable is not a boolean");
  const std::string expected = type ? std::string(type->get_string()) : "a value";
  if (instance.is_null()) {
    if (nullable && nullable->get_bool()) return std::nullopt;
    return Violation{path, "expected " + expected + ", got null"};
  }
  if (type && !has_type(instance, type->get_string()))
    return Violation{path, "expected " + expected + ", got " + std::string(kind_name(instance)) +
                               " " + render(instance)};
  return std::nullopt;
}

SchemaValidator::Result SchemaValidator::check_enum(const json::object& schema,
                                                    const json::value& instance,
                                                    const std::string& path) const {
  const json::array* allowed = array_keyword(schema, "enum");
  if (!allowed) return std::nullopt;
  for (const auto& value : *allowed)
    if (value == instance) return std::nullopt;
  return Violation{path, render(instance) + " is not one of " + render(*allowed)};
}

SchemaValidator::Result SchemaValidator::check_string(const json::object& schema,
                                                      const json::string& text,
                                                      const std::string& path) const {
  const auto length = code_points(text);
  if (const auto min = count_keyword(schema, "minLength"); min && length < *min)
    return Violation{path, "string of " + std::to_string(length) +
                               " characters is shorter than minLength " + std::to_string(*min)};
  if (const auto max = count_keyword(schema, "maxLength"); max && length > *max)
    return Violation{path, "string of " + std::to_string(length) +
                               " characters is longer than maxLength " + std::to_string(*max)};
  if (format_of(schema) == "date-time" && !is_date_time(text))
    return Violation{path, render(text) + " is not an RFC 3339 date-time"};
  return std::nullopt;
}

SchemaValidator::Result SchemaValidator::check_number(const json::object& schema,
                                                      const json::value& number,
                                                      const std::string& path) const {
  const auto format = format_of(schema);
  if (!fits_format(number, format))
    return Violation{path, render(number) + " does not fit format " + std::string(format)};
  const auto value = as_number(number);
  if (const auto min = number_keyword(schema, "minimum"); min && value < *min)
    return Violation{
        path, render(number) + " is less than minimum " + render(*schema.if_contains("minimum"))};
  if (const auto max = number_keyword(schema, "maximum"); max && value > *max)
    return Violation{path, render(number) + " is greater than maximum " +
                               render(*schema.if_contains("maximum"))};
  return std::nullopt;
}

SchemaValidator::Result SchemaValidator::check_object(const json::object& schema,
                                                      const json::object& object,
                                                      const std::string& path, int depth) const {
  if (const json::array* required = array_keyword(schema, "required")) {
    for (const auto& name : *required) {
      if (!name.is_string()) throw SpecError("required lists a non-string");
      if (!object.contains(name.get_string()))
        return Violation{path, "missing required property " + render(name)};
    }
  }
  if (const auto min = count_keyword(schema, "minProperties"); min && object.size() < *min)
    return Violation{path, "object has " + std::to_string(object.size()) +
                               " properties, fewer than minProperties " + std::to_string(*min)};
  const json::object* properties = object_keyword(schema, "properties");
  const json::value* additional = schema.if_contains("additionalProperties");
  for (const auto& [name, value] : object) {
    const auto child = json_path_member(path, name);
    const json::value* property = properties ? properties->if_contains(name) : nullptr;
    if (property) {
      if (auto violation = check(*property, value, child, depth + 1)) return violation;
    } else if (additional && additional->is_bool()) {
      if (!additional->get_bool())
        return Violation{child, "property not in the schema (additionalProperties is false)"};
    } else if (additional) {
      if (auto violation = check(*additional, value, child, depth + 1)) return violation;
    }
  }
  return std::nullopt;
}

SchemaValidator::Result SchemaValidator::check_array(const json::object& schema,
                                                     const json::array& array,
                                                     const std::string& path, int depth) const {
  if (const auto min = count_keyword(schema, "minItems"); min && array.size() < *min)
    return Violation{path, "array of " + std::to_string(array.size()) +
                               " items is shorter than minItems " + std::to_string(*min)};
  if (const auto max = count_keyword(schema, "maxItems"); max && array.size() > *max)
    return Violation{path, "array of " + std::to_string(array.size()) +
                               " items is longer than maxItems " + std::to_string(*max)};
  const json::value* items = schema.if_contains("items");
  if (!items) return std::nullopt;
  for (std::size_t index = 0; index < array.size(); ++index)
    if (auto violation = check(*items, array[index], json_path_index(path, index), depth + 1))
      return violation;
  return std::nullopt;
}

}  // namespace nicecream::support::openapi
