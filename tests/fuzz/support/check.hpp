#pragma once

#include <cstdio>
#include <cstdlib>

namespace nicecream::fuzz {

// A promise the code under test makes, checked on every input. A broken one aborts, which
// libFuzzer records as a crash with the input that broke it.
inline void require(bool kept, const char* promise) {
  if (kept) return;
  std::fprintf(stderr, "broken promise: %s\n", promise);
  std::abort();
}

}  // namespace nicecream::fuzz
