#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace nicecream::bench {

// Song titles that look like a station's: "Artist - Track words", 100,000 artists (some spelled
// with diacritics), track words drawn log-uniformly from a 20,000-word vocabulary so that a few
// words are in many titles ("love") and most in a handful. Deterministic: the same plan gives the
// same titles, ids and airings on both engines.
class Corpus {
 public:
  explicit Corpus(std::int64_t songs);

  std::int64_t songs() const { return songs_; }
  // Title of song number `index` (1-based); unique by construction.
  std::string title(std::int64_t index) const;

  // Search words of known frequency, for the timed queries.
  std::string common_word() const { return vocabulary_.front(); }
  std::string rare_word() const { return vocabulary_[vocabulary_.size() - 7]; }
  std::string prefix() const { return vocabulary_[300].substr(0, 4); }
  std::string narrow_prefix() const { return vocabulary_[500].substr(0, 4); }
  std::string artist_words() const;

  // SQL expression (both engines) of the song id of history row `i`: popular songs are played far
  // more often (id = songs·u², u uniform: density ∝ 1/√id): the top song has about items/√songs
  // airings.
  std::string song_of_item_sql(const std::string& i) const;

 private:
  std::string artist(std::int64_t number) const;
  std::string word(std::uint64_t& state) const;

  std::int64_t songs_;
  std::vector<std::string> vocabulary_;
  std::vector<std::string> first_names_;
  std::vector<std::string> last_names_;
};

}  // namespace nicecream::bench
