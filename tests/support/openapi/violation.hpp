#pragma once

#include <ostream>
#include <string>

namespace nicecream::support::openapi {

// The first place a response breaks the description: `where` is a JSON path into the body
// ("$.detail.query.offset[0]"), or "response" for the status line and headers.
struct Violation {
  std::string where;
  std::string message;

  std::string to_string() const { return where + ": " + message; }
};

inline std::ostream& operator<<(std::ostream& out, const Violation& violation) {
  return out << violation.to_string();
}

}  // namespace nicecream::support::openapi
