// BOOST_ASSERT in the fuzz build (BOOST_ENABLE_ASSERT_HANDLER): fails like assert() does, except
// for one Beast 1.81 assertion known to be wrong, so fuzzing can go on past it.
//
// basic_parser::parse_chunk_header asserts `n >= 5` after the last chunk's "0\r\n" when the next
// put() brings a single byte; the code after it handles that case (it asks for more bytes). It
// was fixed upstream in boostorg/beast#2861 (Boost 1.86). Release builds (NDEBUG) never check it;
// a Debug build of the server aborts on such a request (tests/fuzz/regressions/http_request/).
#include <cstdio>
#include <cstdlib>
#include <string_view>

namespace {

bool known_false_assertion(std::string_view expression, std::string_view file) {
  return expression == "n >= 5" && file.ends_with("beast/http/impl/basic_parser.ipp");
}

}  // namespace

namespace boost {

void assertion_failed_msg(const char* expression, const char* message, const char* function,
                          const char* file, long line) {
  if (known_false_assertion(expression, file)) return;
  std::fprintf(stderr, "%s:%ld: %s: Assertion `%s' failed%s%s.\n", file, line, function, expression,
               message ? ": " : "", message ? message : "");
  std::abort();
}

void assertion_failed(const char* expression, const char* function, const char* file, long line) {
  assertion_failed_msg(expression, nullptr, function, file, line);
}

}  // namespace boost
