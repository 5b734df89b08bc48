#include "domain/search_words.hpp"

namespace nicecream::domain {

namespace {

bool separates_words(char byte) {
  const auto code = static_cast<unsigned char>(byte);
  if (code >= 0x80) return false;
  const bool digit = code >= '0' && code <= '9';
  const bool letter = (code >= 'a' && code <= 'z') || (code >= 'A' && code <= 'Z');
  return !digit && !letter;
}

}  // namespace

std::vector<std::string> search_words(std::string_view query) {
  std::vector<std::string> words;
  std::string word;
  for (const char byte : query) {
    if (!separates_words(byte)) {
      word += byte;
      continue;
    }
    if (!word.empty()) words.push_back(std::move(word));
    word.clear();
  }
  if (!word.empty()) words.push_back(std::move(word));
  return words;
}

}  // namespace nicecream::domain
