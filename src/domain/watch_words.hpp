#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace nicecream::domain {

// Text watches match titles the way `q` does: every word of the watch is a word of the title,
// the last one as a prefix of a title word. Both sides are folded by the store's engine first
// (case, diacritics, punctuation: the same fold as the search), so these see plain words
// separated by single spaces.

// The words of a folded text.
std::vector<std::string> folded_words(std::string_view folded);

// Every prefix of every word that ends on a character boundary (UTF-8), without repeats: a text
// watch is a candidate for a title when its first word is one of these.
std::vector<std::string> word_prefixes(const std::vector<std::string>& words);

bool text_watch_matches(const std::vector<std::string>& watch_words,
                        const std::vector<std::string>& title_words);

}  // namespace nicecream::domain
