#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace nicecream::store::sqlite {

// The FTS5 MATCH string for what a listener typed: every word of domain::search_words as a
// quoted string (so NEAR, OR, `^` and the like are plain text), all of them required, the last
// one a prefix. Nothing when there is no word. FTS5 then folds each word as it folded the titles
// (unicode61, remove_diacritics 2); a word it keeps no letter of (an emoji) constrains nothing.
std::optional<std::string> fts5_match(std::string_view text);

}  // namespace nicecream::store::sqlite
