// The double-submit CSRF check. First line: the X-Csrf-Token header; the rest: the token the
// session holds.
#include "auth/csrf.hpp"

#include "support/check.hpp"
#include "support/input.hpp"

using namespace nicecream;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto [header, session_token] = fuzz::split_first_line(fuzz::as_text(data, size));
  const bool matches = auth::csrf_token_matches(header, session_token);
  fuzz::require(matches == (!session_token.empty() && header == session_token),
                "a CSRF token matches exactly the session's own, never an empty one");
  return 0;
}
