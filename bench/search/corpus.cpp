#include "corpus.hpp"

#include <array>
#include <cctype>
#include <cmath>

namespace nicecream::bench {

namespace {

constexpr std::int64_t kArtists = 100'000;
constexpr std::size_t kVocabulary = 20'000;

constexpr std::array<const char*, 24> kSyllables{"ka", "lo", "mi", "ra", "ne", "to", "su", "vi",
                                                 "da", "po", "re", "li", "an", "ke", "mo", "ti",
                                                 "ha", "ju", "sa", "be", "no", "fe", "gu", "ri"};
// Common words first: the vocabulary's head is what many titles share.
constexpr std::array<const char*, 12> kCommon{"love",  "night", "heart", "you",  "dance", "baby",
                                              "dream", "fire",  "light", "home", "rain",  "sky"};
constexpr std::array<const char*, 16> kFirst{
    "Sigur", "Björk", "Mötley", "Beyoncé", "Café",   "Zoë",    "Ólafur",   "Amadou",
    "Los",   "The",   "DJ",     "Señor",   "Mariah", "Kraftw", "Röyksopp", "Daft"};

std::uint64_t next(std::uint64_t& state) {
  state = state * 6364136223846793005ULL + 1442695040888963407ULL;
  return state >> 33;
}

std::string made_up_word(std::size_t number) {
  std::string word;
  for (std::size_t n = number + kSyllables.size(); n > 0; n /= kSyllables.size())
    word += kSyllables[n % kSyllables.size()];
  return word;
}

}  // namespace

Corpus::Corpus(std::int64_t songs) : songs_(songs) {
  for (const char* common : kCommon) vocabulary_.emplace_back(common);
  for (std::size_t i = 0; vocabulary_.size() < kVocabulary; ++i)
    vocabulary_.push_back(made_up_word(i));
  for (const char* first : kFirst) first_names_.emplace_back(first);
  for (std::size_t i = 0; first_names_.size() < 400; ++i) {
    auto name = made_up_word(i * 7 + 3);
    name[0] = static_cast<char>(name[0] - 'a' + 'A');
    first_names_.push_back(name);
  }
  for (std::size_t i = 0; last_names_.size() < 250; ++i) {
    auto name = made_up_word(i * 13 + 5) + "s";
    name[0] = static_cast<char>(name[0] - 'a' + 'A');
    last_names_.push_back(name);
  }
}

std::string Corpus::artist(std::int64_t number) const {
  const auto first = static_cast<std::size_t>(number) % first_names_.size();
  const auto last = static_cast<std::size_t>(number) / first_names_.size() % last_names_.size();
  return first_names_[first] + " " + last_names_[last];
}

std::string Corpus::artist_words() const {
  return "bjork " + last_names_[0].substr(0, 3);  // matches "Björk …s" songs
}

// Log-uniform over the vocabulary: word k is drawn with probability ∝ 1/k.
std::string Corpus::word(std::uint64_t& state) const {
  const double u = static_cast<double>(next(state) % 1'000'000) / 1'000'000.0;
  const auto index = static_cast<std::size_t>(std::pow(double(kVocabulary), u)) - 1;
  return vocabulary_[std::min(index, vocabulary_.size() - 1)];
}

std::string Corpus::title(std::int64_t index) const {
  const std::int64_t zero_based = index - 1;
  const std::int64_t artist_number = zero_based % kArtists;
  const std::int64_t take = zero_based / kArtists;
  // The first word differs for every take of one artist (take * 1999 < vocabulary size), so
  // titles are unique without numbering them.
  std::string track =
      vocabulary_[static_cast<std::size_t>(take * 1999 + artist_number) % vocabulary_.size()];
  std::uint64_t state = static_cast<std::uint64_t>(index) * 0x9E3779B97F4A7C15ULL;
  const auto extra_words = next(state) % 3;
  for (std::uint64_t i = 0; i < extra_words; ++i) track.append(" ").append(word(state));
  track[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(track[0])));
  return artist(artist_number) + " - " + track;
}

std::string Corpus::song_of_item_sql(const std::string& i) const {
  // Integer arithmetic only: the engines round (PostgreSQL) or truncate (SQLite) casts alike.
  const std::string h = "(((" + i + ") * 2654435761) % 4294967296)";
  return "(1 + " + std::to_string(songs_) + " * " + h + " / 4294967296 * " + h + " / 4294967296)";
}

}  // namespace nicecream::bench
