#include "store/postgres/search.hpp"

#include "domain/search_words.hpp"

namespace nicecream::store::postgres {

namespace {

std::string joined(const std::vector<std::string>& words) {
  std::string text;
  for (const auto& word : words) text += (text.empty() ? "" : " ") + word;
  return text;
}

}  // namespace

// A folded word holds no ASCII punctuation (the fold turns it into spaces), so it can hold no
// LIKE wildcard or escape either: '%', '_' and '\' never reach the pattern. A word that folds to
// nothing (say a lone '’') is no constraint; the words as a whole must fold to something.
std::optional<std::string> title_has_words(Params& params, std::string_view text,
                                           std::string_view search_text) {
  const auto words = domain::search_words(text);
  if (words.empty()) return std::nullopt;
  const std::string column(search_text);
  std::string condition = "nicecream_fold(" + params.add(joined(words)) + ") <> ''";
  for (std::size_t i = 0; i < words.size(); ++i) {
    const auto word = "nicecream_fold(" + params.add(words[i]) + ")";
    const bool last = i + 1 == words.size();
    condition += " AND (" + word + " = '' OR " + column + " LIKE '% ' || " + word +
                 (last ? " || '%')" : " || ' %')");
  }
  return condition;
}

std::string title_similarity(Params& params, std::string_view text, std::string_view search_text) {
  return "similarity(" + std::string(search_text) + ", nicecream_fold(" +
         params.add(joined(domain::search_words(text))) + "))";
}

}  // namespace nicecream::store::postgres
