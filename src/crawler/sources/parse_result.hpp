#pragma once

#include <optional>
#include <string>
#include <utility>

namespace nicecream::crawler::sources {

// What a station's answer says is playing: a title, no song at all (silence, idle placeholder), or
// a reason why the answer could not be read.
struct ParseResult {
  std::optional<std::string> title;
  std::string error;  // non-empty: the answer could not be read

  bool failed() const { return !error.empty(); }
  bool has_title() const { return title.has_value(); }

  static ParseResult found(std::string text) { return {std::move(text), {}}; }
  static ParseResult no_song() { return {}; }
  static ParseResult failure(std::string reason) { return {std::nullopt, std::move(reason)}; }
};

}  // namespace nicecream::crawler::sources
