#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace nicecream::crawler::sources {

// Reads the JavaScript string literal ('...' or "...") starting at `pos` and returns its value
// with escapes decoded (\n, \", \xHH, \uXXXX with surrogate pairs, ...). Moves `pos` past the
// closing quote. Nothing when no literal starts there or it is never closed.
std::optional<std::string> read_js_string(std::string_view text, std::size_t& pos);

// Index of the first character after `pos` that is not JavaScript whitespace.
std::size_t skip_js_whitespace(std::string_view text, std::size_t pos);

}  // namespace nicecream::crawler::sources
