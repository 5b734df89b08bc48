#include "store/sqlite/search_match.hpp"

#include "domain/search_words.hpp"

namespace nicecream::store::sqlite {

namespace {

// An FTS5 string: inside double quotes, a double quote is written twice.
std::string fts5_string(std::string_view word) {
  std::string out = "\"";
  for (const char byte : word) {
    if (byte == '"') out += '"';
    out += byte;
  }
  return out + '"';
}

}  // namespace

std::optional<std::string> fts5_match(std::string_view text) {
  const auto words = domain::search_words(text);
  if (words.empty()) return std::nullopt;
  std::string match;
  for (const auto& word : words) {
    if (!match.empty()) match += ' ';
    match += fts5_string(word);
  }
  return match + '*';
}

}  // namespace nicecream::store::sqlite
