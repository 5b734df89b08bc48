#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace nicecream::domain {

// The words of a search as the listener typed them: split at ASCII whitespace and ASCII
// punctuation, so that search-engine syntax (quotes, `*`, `-`, `^`, parentheses) is never syntax.
// Non-ASCII bytes are kept (letters of other scripts, accented letters); each engine folds case
// and diacritics with its own machinery. Words such as NEAR, OR, AND are plain words. An item
// matches when its title contains every word, the last one as a prefix of a title word.
std::vector<std::string> search_words(std::string_view query);

}  // namespace nicecream::domain
