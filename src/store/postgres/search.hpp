#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "store/postgres/connection.hpp"
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

// The songs a text condition holds, gathered where a walk would otherwise test each song or
// airing it meets by looking up its title: every id when there are few (the airings of each can
// then be read from the song index), or some that are worth gathering (some 1.4 µs a song through
// the trigram index, against 1-5 µs for each song or airing a walk looks up); past that, many.
struct MatchingSongs {
  enum class Count { few, some, many };
  Count count = Count::many;
  std::vector<std::string> ids;  // every match's, unless many

  bool none() const { return count != Count::many && ids.empty(); }
};

// How many matches matching_songs may gather: only as many as a page of the first airings is
// worth, or all of them, for a page deep enough that testing each airing walked by looking up its
// title would cost more than gathering every match.
enum class Gathering { worthwhile, all };

// The songs whose titles hold the words of `text` (title_has_words), or nothing when it has no
// words: such a search matches nothing.
std::optional<MatchingSongs> matching_songs(Connection& connection, std::string_view text,
                                            Gathering gathering = Gathering::worthwhile);

// The songs `condition` holds (on songs AS m, its parameters in `params`), judged and gathered
// as above.
MatchingSongs matching_songs_where(Connection& connection, const std::string& condition,
                                   const Params& params, Gathering gathering);

// `ids` as one bigint[] parameter: a constant array, which PostgreSQL tests through a hash of it.
std::string id_array(Params& params, const std::vector<std::string>& ids);

}  // namespace nicecream::store::postgres
