#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "store/postgres/params.hpp"

namespace nicecream::store::postgres {

// The SQL condition "the song whose padded folded title is `search_text` holds every word of
// `text`" (domain::search_words; the last word as a prefix), or nothing when `text` has no words:
// such a search matches nothing, and the caller answers empty without asking the database.
// The words go as parameters; each is folded by nicecream_fold, which the planner evaluates
// before choosing a plan, so the trigram index sees constant LIKE patterns.
std::optional<std::string> title_has_words(Params& params, std::string_view text,
                                           std::string_view search_text);

// similarity() of the folded query to `search_text`, for ranking matches (higher first).
std::string title_similarity(Params& params, std::string_view text, std::string_view search_text);

}  // namespace nicecream::store::postgres
