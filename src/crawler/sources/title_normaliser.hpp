#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace nicecream::crawler::sources {

// What stations show while no song plays; compared without regard to ASCII case.
std::vector<std::string> default_idle_placeholders();

// Turns whatever a station sent into the title we store, the same way for every format: tags
// stripped, entities unescaped, `\uXXXX` decoded, invalid UTF-8 repaired, control characters and
// runs of whitespace made one space, trimmed. Empty titles and idle placeholders are no song.
class TitleNormaliser {
 public:
  TitleNormaliser();
  explicit TitleNormaliser(std::vector<std::string> idle_placeholders);

  std::optional<std::string> normalise(std::string_view raw) const;

 private:
  bool is_idle_placeholder(std::string_view title) const;

  std::vector<std::string> idle_placeholders_;  // already cleaned and lower-cased
};

// The cleaning steps alone, without the no-song rules.
std::string clean_title(std::string_view raw);

}  // namespace nicecream::crawler::sources
