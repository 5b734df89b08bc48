#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "domain/models.hpp"
#include "store/sqlite/connection.hpp"
#include "store/sqlite/sorted_ids.hpp"

namespace nicecream::store::sqlite {

// The FTS5 MATCH string for what a listener typed: every word of domain::search_words as a
// quoted string (so NEAR, OR, `^` and the like are plain text), all of them required, the last
// one a prefix. Nothing when there is no word. FTS5 then folds each word as it folded the titles
// (unicode61, remove_diacritics 2); a word it keeps no letter of (an emoji) constrains nothing.
std::optional<std::string> fts5_match(std::string_view text);

// Every song `match` finds, by id: the list alone, no score (3 ms for 70,000 at 10M). For a prefix
// ("love" is also "lovely") FTS5 merges the lists of every word it begins before its first
// match, so a plan that needs the matches twice gathers them once (the history's walk: 5 of the
// 14 ms a common word's page took when it ran the search twice).
SortedIds matching_song_ids(Connection& connection, const std::string& match);

// A song's plays from its rollup, none when it has no plays row: what the plans for a search's
// matches weigh them by (few enough airings to read by song, the most played to rank).
std::optional<std::int64_t> song_plays(Connection& connection, domain::Id song_id);

}  // namespace nicecream::store::sqlite
