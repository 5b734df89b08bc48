#include "support/openapi/lint.hpp"

#include <algorithm>
#include <array>
#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>

#include "support/openapi/path_templates.hpp"
#include "support/openapi/references.hpp"
#include "support/openapi/schema_keywords.hpp"
#include "support/openapi/spec_error.hpp"

namespace nicecream::support::openapi {

namespace json = boost::json;

namespace {

constexpr std::array<std::string_view, 8> kMethods{"get",  "put",     "post",  "delete",
                                                   "head", "options", "patch", "trace"};

// Example values are free-form JSON: a "$ref" or "schema" key inside one means nothing.
bool is_example(std::string_view key) {
  return key == "example" || key == "examples";
}

// JSON Pointer escaping, so locations can be pasted into a $ref.
std::string child(const std::string& location, std::string_view key) {
  std::string escaped;
  for (const char c : key) {
    if (c == '~') {
      escaped += "~0";
    } else if (c == '/') {
      escaped += "~1";
    } else {
      escaped += c;
    }
  }
  return location + "/" + escaped;
}

class Linter {
 public:
  explicit Linter(const json::value& document) : document_(document) {}

  std::vector<std::string> run() && {
    check_references(document_, "#");
    check_schemas(document_, "#", false);
    check_path_parameters();
    return std::move(problems_);
  }

 private:
  void check_references(const json::value& node, const std::string& location) {
    if (const auto* array = node.if_array()) {
      for (std::size_t index = 0; index < array->size(); ++index)
        check_references((*array)[index], child(location, std::to_string(index)));
      return;
    }
    const auto* object = node.if_object();
    if (!object) return;
    for (const auto& [key, value] : *object) {
      if (is_example(key)) continue;
      if (key == "$ref") {
        if (!value.is_string() || !find_reference(document_, value.get_string()))
          problems_.push_back(location + ": $ref " + json::serialize(value) + " does not resolve");
        continue;
      }
      check_references(value, child(location, key));
    }
  }

  // Walks the document to every schema: the values of "schema" keys and of
  // components/schemas, then each schema's sub-schemas.
  void check_schemas(const json::value& node, const std::string& location, bool in_components) {
    if (const auto* array = node.if_array()) {
      for (std::size_t index = 0; index < array->size(); ++index)
        check_schemas((*array)[index], child(location, std::to_string(index)), false);
      return;
    }
    const auto* object = node.if_object();
    if (!object) return;
    for (const auto& [key, value] : *object) {
      if (is_example(key)) continue;
      const auto here = child(location, key);
      if (key == "schema") {
        check_schema(value, here);
      } else if (in_components && key == "schemas" && value.is_object()) {
        for (const auto& [name, schema] : value.get_object())
          check_schema(schema, child(here, name));
      } else {
        check_schemas(value, here, location == "#" && key == "components");
      }
    }
  }

  void check_schema(const json::value& node, const std::string& location) {
    const auto* schema = node.if_object();
    if (!schema) {
      problems_.push_back(location + ": a schema that is not an object");
      return;
    }
    if (schema->contains("$ref")) return;  // its target is checked where it lives
    if (auto problem = unsupported_keyword(*schema))
      problems_.push_back(location + ": " + *problem);
    if (const auto* properties = schema->if_contains("properties");
        properties && properties->is_object())
      for (const auto& [name, property] : properties->get_object())
        check_schema(property, child(child(location, "properties"), name));
    if (const auto* items = schema->if_contains("items"))
      check_schema(*items, child(location, "items"));
    if (const auto* extra = schema->if_contains("additionalProperties");
        extra && extra->is_object())
      check_schema(*extra, child(location, "additionalProperties"));
  }

  void check_path_parameters() {
    const auto* paths =
        document_.is_object() ? document_.get_object().if_contains("paths") : nullptr;
    if (!paths || !paths->is_object()) return;
    for (const auto& [path, item] : paths->get_object()) {
      if (!item.is_object()) continue;
      for (const auto method : kMethods) {
        const auto* operation = item.get_object().if_contains(method);
        if (operation && operation->is_object())
          check_operation_parameters(path, item.get_object(), operation->get_object(),
                                     child(child("#/paths", path), method));
      }
    }
  }

  void check_operation_parameters(std::string_view path, const json::object& item,
                                  const json::object& operation, const std::string& location) {
    const auto wanted = template_parameters(path);
    std::vector<std::string> declared;
    for (const auto* owner : {&item, &operation}) {
      const auto* parameters = owner->if_contains("parameters");
      if (!parameters || !parameters->is_array()) continue;
      for (const auto& parameter : parameters->get_array()) {
        if (!parameter.is_object()) continue;
        const auto& resolved = resolve_or_report(parameter.get_object(), location);
        const auto* in = resolved.if_contains("in");
        if (!in || *in != "path") continue;
        const auto* name_value = resolved.if_contains("name");
        if (!name_value || !name_value->is_string()) {
          problems_.push_back(location + ": a path parameter without a name");
          continue;
        }
        const std::string name(name_value->get_string());
        declared.push_back(name);
        const auto* required = resolved.if_contains("required");
        if (!required || *required != true)
          problems_.push_back(location + ": path parameter " + name + " is not required: true");
        if (std::ranges::find(wanted, name) == wanted.end())
          problems_.push_back(location + ": path parameter " + name +
                              " is not in the path template");
      }
    }
    for (const auto& name : wanted)
      if (std::ranges::find(declared, name) == declared.end())
        problems_.push_back(location + ": {" + name + "} has no `in: path` parameter");
  }

  const json::object& resolve_or_report(const json::object& node, const std::string& location) {
    try {
      return follow_references(document_, node);
    } catch (const SpecError& error) {
      problems_.push_back(location + ": " + error.what());
      return node;
    }
  }

  const json::value& document_;
  std::vector<std::string> problems_;
};

}  // namespace

std::vector<std::string> lint(const json::value& document) {
  return Linter(document).run();
}

}  // namespace nicecream::support::openapi
