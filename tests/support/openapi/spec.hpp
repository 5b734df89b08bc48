#pragma once

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>
#include <compare>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "support/openapi/violation.hpp"

namespace nicecream::support::openapi {

struct Operation {
  std::string method;  // upper case, as on the wire: "GET"
  std::string path;    // the document's template: "/user/bookmarks/{bookmark_id}"

  auto operator<=>(const Operation&) const = default;
};

// A response as a test received it.
struct ReceivedResponse {
  std::string method;  // "GET", any case
  std::string path;    // as requested ("/history?offset=5") or a template
  int status = 0;
  std::string content_type;  // the Content-Type header, parameters allowed
  std::string body;
};

// An OpenAPI 3.0 document, and the check of responses against it.
class Spec {
 public:
  // Throws SpecError when `document` is not an OpenAPI 3.0 document.
  explicit Spec(boost::json::value document);
  static Spec load(const std::filesystem::path& file);
  // docs/openapi.json of this source tree (NICECREAM_SOURCE_DIR, else where it was built from).
  static Spec load_project();

  const boost::json::value& document() const { return document_; }

  // Every (method, path template) the document describes, sorted.
  std::vector<Operation> operations() const;
  // The document's path template that `path` falls under: "/user/bookmarks/7" ->
  // "/user/bookmarks/{bookmark_id}".
  std::optional<std::string> match_path(std::string_view path) const;

  // The first way the response departs from the document: an undescribed path, method, status
  // or content type, a body where none is described, or a JSON body that breaks the schema.
  // nullopt when it conforms. Throws SpecError when the document itself is broken.
  std::optional<Violation> check_response(const ReceivedResponse& response) const;
  // The same for an application/json response whose body is already parsed.
  std::optional<Violation> check_json(std::string_view method, std::string_view path, int status,
                                      const boost::json::value& body) const;
  // Checks a value against a named schema of components/schemas ("Error", "HistoryItem").
  std::optional<Violation> check_schema(std::string_view name,
                                        const boost::json::value& instance) const;

 private:
  struct ResponseLookup {
    const boost::json::object* response = nullptr;
    std::optional<Violation> violation;
  };
  ResponseLookup find_response(std::string_view method, std::string_view path, int status) const;
  std::optional<Violation> check_content(const boost::json::object& response,
                                         const ReceivedResponse& received) const;
  std::vector<std::string> path_templates() const;

  boost::json::value document_;
};

}  // namespace nicecream::support::openapi
