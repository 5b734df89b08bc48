// Boost.JSON and Boost.URL compiled here, from the headers' sources, instead of linked from
// Debian's libraries: instrumented like our code, so the fuzzer sees its way through JSON and URL
// parsing (and the sanitizers watch it too).
#include <boost/json/src.hpp>
#include <boost/url/src.hpp>
