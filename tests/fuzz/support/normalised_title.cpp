#include "support/normalised_title.hpp"

#include "crawler/sources/unicode_text.hpp"
#include "support/check.hpp"

namespace nicecream::fuzz {

void require_normalised_title(std::string_view title) {
  require(!title.empty(), "a normalised title is not empty");
  require(crawler::sources::is_valid_utf8(title), "a normalised title is valid UTF-8");
  require(title.front() != ' ' && title.back() != ' ', "a normalised title is trimmed");
  require(title.find("  ") == std::string_view::npos, "a normalised title has single spaces");
  require(title.find("\xC2\xA0") == std::string_view::npos,
          "a normalised title has no no-break spaces");
  for (const char c : title) {
    const auto byte = static_cast<unsigned char>(c);
    require(byte >= 0x20 && byte != 0x7F, "a normalised title has no control characters");
  }
}

}  // namespace nicecream::fuzz
