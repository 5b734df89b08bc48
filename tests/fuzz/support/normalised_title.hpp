#pragma once

#include <string_view>

namespace nicecream::fuzz {

// What TitleNormaliser promises of every title it returns: valid UTF-8, no control characters
// or no-break spaces, single spaces only, trimmed, not empty. Aborts when one is broken.
void require_normalised_title(std::string_view title);

}  // namespace nicecream::fuzz
