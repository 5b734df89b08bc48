#pragma once

#include <optional>
#include <string>

namespace nicecream::domain {

// What reading a station once showed (POST /channels/probe): the format its answer was read as
// and the title it carries now, or why it could not be read (the channel status's short reasons).
struct ProbeOutcome {
  std::string format;                // a SourceFormat name; empty when it failed
  std::optional<std::string> title;  // none while the station plays nothing
  std::string error;                 // empty: it worked

  bool failed() const { return !error.empty(); }
};

}  // namespace nicecream::domain
