#pragma once

#include <compare>
#include <optional>
#include <string>
#include <variant>
#include <vector>

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

// A JSON text that must be an instance of a schema of components/schemas ("HistoryItem").
struct SchemaInstance {
  std::string schema;
  std::string body;
};

using Check = std::variant<ReceivedResponse, SchemaInstance>;

struct Verdict {
  // The document's path template a response's path falls under ("/user/bookmarks/7" ->
  // "/user/bookmarks/{bookmark_id}"); nullopt for a schema instance or an undescribed path.
  std::optional<std::string> path_template;
  // Every way it departs from the document, one line each: an undescribed path, method, status
  // or content type, a body where none is described, or where the body breaks the schema
  // ("$/created_at: must match format ..."). Empty when it conforms.
  std::vector<std::string> violations;
};

struct CheckReport {
  std::vector<Operation> operations;  // every (method, path template) described, sorted
  std::vector<Verdict> verdicts;      // one per check, in order
};

// Checks them all against docs/openapi.json in one run of tests/support/openapi/
// check-responses.mjs (ajv; the document is linted first). Throws std::runtime_error, with the
// checker's own words, when it cannot run or finds the document unsound.
CheckReport check_against_openapi(const std::vector<Check>& checks);

}  // namespace nicecream::support::openapi
