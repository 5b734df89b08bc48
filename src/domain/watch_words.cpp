#include "domain/watch_words.hpp"

#include <algorithm>
#include <set>

namespace nicecream::domain {

namespace {

bool is_continuation_byte(char byte) {
  return (static_cast<unsigned char>(byte) & 0xC0U) == 0x80U;
}

bool contains(const std::vector<std::string>& words, const std::string& word) {
  return std::find(words.begin(), words.end(), word) != words.end();
}

bool is_prefix_of_any(const std::vector<std::string>& words, const std::string& prefix) {
  return std::any_of(words.begin(), words.end(),
                     [&](const std::string& word) { return word.starts_with(prefix); });
}

}  // namespace

std::vector<std::string> folded_words(std::string_view folded) {
  std::vector<std::string> words;
  std::size_t start = 0;
  while (start < folded.size()) {
    const auto end = std::min(folded.find(' ', start), folded.size());
    if (end > start) words.emplace_back(folded.substr(start, end - start));
    start = end + 1;
  }
  return words;
}

std::vector<std::string> word_prefixes(const std::vector<std::string>& words) {
  std::set<std::string> prefixes;
  for (const auto& word : words) {
    for (std::size_t length = 1; length <= word.size(); ++length) {
      if (length == word.size() || !is_continuation_byte(word[length])) {
        prefixes.insert(word.substr(0, length));
      }
    }
  }
  return {prefixes.begin(), prefixes.end()};
}

bool text_watch_matches(const std::vector<std::string>& watch_words,
                        const std::vector<std::string>& title_words) {
  if (watch_words.empty()) return false;
  const auto last = std::prev(watch_words.end());
  return std::all_of(watch_words.begin(), last,
                     [&](const std::string& word) { return contains(title_words, word); }) &&
         is_prefix_of_any(title_words, *last);
}

}  // namespace nicecream::domain
