#include "support/openapi/spec.hpp"

#include <algorithm>
#include <array>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <cctype>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "support/openapi/path_templates.hpp"
#include "support/openapi/references.hpp"
#include "support/openapi/schema_validator.hpp"
#include "support/openapi/spec_error.hpp"

namespace nicecream::support::openapi {

namespace json = boost::json;

namespace {

constexpr std::array<std::string_view, 8> kMethods{"get",  "put",     "post",  "delete",
                                                   "head", "options", "patch", "trace"};
constexpr std::string_view kResponse = "response";

std::string lower(std::string_view text) {
  std::string result(text);
  std::ranges::transform(result, result.begin(),
                         [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return result;
}

std::string upper(std::string_view text) {
  std::string result(text);
  std::ranges::transform(result, result.begin(),
                         [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  return result;
}

// "application/json; charset=utf-8" -> "application/json"
std::string media_type_of(std::string_view content_type) {
  content_type = content_type.substr(0, content_type.find(';'));
  while (!content_type.empty() && std::isspace(static_cast<unsigned char>(content_type.back())))
    content_type.remove_suffix(1);
  return lower(content_type);
}

bool is_json_media_type(std::string_view media_type) {
  return media_type == "application/json" || media_type.ends_with("+json");
}

std::string keys_of(const json::object& object) {
  std::string keys;
  for (const auto& [key, value] : object) keys += (keys.empty() ? "" : ", ") + std::string(key);
  return keys;
}

const json::object& paths_of(const json::value& document) {
  return document.at("paths").get_object();
}

}  // namespace

Spec::Spec(json::value document) : document_(std::move(document)) {
  const auto* root = document_.if_object();
  const auto* version = root ? root->if_contains("openapi") : nullptr;
  if (!version || !version->is_string() || !version->get_string().starts_with("3.0."))
    throw SpecError("not an OpenAPI 3.0 document: \"openapi\" is not \"3.0.x\"");
  const auto* paths = root->if_contains("paths");
  if (!paths || !paths->is_object()) throw SpecError("not an OpenAPI document: no \"paths\"");
}

Spec Spec::load(const std::filesystem::path& file) {
  std::ifstream input(file, std::ios::binary);
  if (!input) throw SpecError("cannot read " + file.string());
  std::ostringstream text;
  text << input.rdbuf();
  json::error_code error;
  auto document = json::parse(text.str(), error);
  if (error) throw SpecError(file.string() + " is not JSON: " + error.message());
  return Spec(std::move(document));
}

Spec Spec::load_project() {
  const char* source_dir = std::getenv("NICECREAM_SOURCE_DIR");
  const std::filesystem::path root = source_dir ? source_dir : NICECREAM_OPENAPI_SOURCE_DIR;
  return load(root / "docs" / "openapi.json");
}

std::vector<Operation> Spec::operations() const {
  std::vector<Operation> operations;
  for (const auto& [path, item] : paths_of(document_)) {
    if (!item.is_object()) throw SpecError("path item " + std::string(path) + " is not an object");
    for (const auto method : kMethods)
      if (item.get_object().contains(method))
        operations.push_back({upper(method), std::string(path)});
  }
  std::ranges::sort(operations);
  return operations;
}

std::vector<std::string> Spec::path_templates() const {
  std::vector<std::string> templates;
  for (const auto& [path, item] : paths_of(document_)) templates.emplace_back(path);
  return templates;
}

std::optional<std::string> Spec::match_path(std::string_view path) const {
  return match_path_template(path_templates(), path);
}

Spec::ResponseLookup Spec::find_response(std::string_view method, std::string_view path,
                                         int status) const {
  const auto path_template = match_path(path);
  if (!path_template)
    return {nullptr, Violation{std::string(kResponse),
                               "no path of the document matches " + std::string(path)}};
  const auto& item = paths_of(document_).at(*path_template).get_object();
  const auto* operation = item.if_contains(lower(method));
  if (!operation || !operation->is_object())
    return {nullptr, Violation{std::string(kResponse),
                               upper(method) + " " + *path_template + " is not described"}};
  const auto* responses = operation->get_object().if_contains("responses");
  if (!responses || !responses->is_object())
    throw SpecError(upper(method) + " " + *path_template + " has no responses");
  const auto& by_status = responses->get_object();
  const auto code = std::to_string(status);
  const auto* response = by_status.if_contains(code);
  if (!response) response = by_status.if_contains(code.substr(0, 1) + "XX");
  if (!response) response = by_status.if_contains("default");
  if (!response)
    return {nullptr, Violation{std::string(kResponse),
                               "status " + code + " is not described for " + upper(method) + " " +
                                   *path_template + " (described: " + keys_of(by_status) + ")"}};
  if (!response->is_object()) throw SpecError("a response that is not an object");
  return {&follow_references(document_, response->get_object()), std::nullopt};
}

std::optional<Violation> Spec::check_content(const json::object& response,
                                             const ReceivedResponse& received) const {
  const auto* content = response.if_contains("content");
  if (!content || !content->is_object() || content->get_object().empty()) {
    if (received.body.empty()) return std::nullopt;
    return Violation{std::string(kResponse), "status " + std::to_string(received.status) +
                                                 " describes no body, got " +
                                                 std::to_string(received.body.size()) + " bytes"};
  }
  const auto media_type = media_type_of(received.content_type);
  const auto* media = content->get_object().if_contains(media_type);
  if (!media)
    return Violation{std::string(kResponse),
                     "Content-Type \"" + received.content_type +
                         "\" is not described (described: " + keys_of(content->get_object()) + ")"};
  if (!is_json_media_type(media_type)) return std::nullopt;
  json::error_code error;
  const auto body = json::parse(received.body, error);
  if (error) return Violation{"$", "the body is not JSON: " + error.message()};
  const auto* schema = media->is_object() ? media->get_object().if_contains("schema") : nullptr;
  if (!schema) return std::nullopt;
  return SchemaValidator(document_).validate(*schema, body);
}

std::optional<Violation> Spec::check_response(const ReceivedResponse& received) const {
  const auto lookup = find_response(received.method, received.path, received.status);
  if (lookup.violation) return lookup.violation;
  return check_content(*lookup.response, received);
}

std::optional<Violation> Spec::check_json(std::string_view method, std::string_view path,
                                          int status, const json::value& body) const {
  return check_response(
      {std::string(method), std::string(path), status, "application/json", json::serialize(body)});
}

std::optional<Violation> Spec::check_schema(std::string_view name,
                                            const json::value& instance) const {
  const auto pointer = "#/components/schemas/" + std::string(name);
  const auto* schema = find_reference(document_, pointer);
  if (!schema) throw SpecError("no schema " + pointer);
  return SchemaValidator(document_).validate(*schema, instance);
}

}  // namespace nicecream::support::openapi
