#pragma once

#include <string>
#include <string_view>

namespace nicecream::crawler::sources {

// Removes markup: `<tag ...>`, `</tag>`, `<!-- -->`. A `<` that does not open a tag ("a < b",
// "<3") is text and stays. Tags that break a line (br, p, div, li) leave a space behind.
std::string strip_tags(std::string_view text);

// Unescapes named entities (the common ones), `&#NN;` and `&#xHH;`. Anything unknown or without
// its `;` stays as written; a reference to an invalid code point becomes U+FFFD.
std::string unescape_entities(std::string_view text);

}  // namespace nicecream::crawler::sources
