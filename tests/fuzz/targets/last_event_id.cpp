// The Last-Event-ID header a reconnecting SSE client sends, read as the live-updates route reads
// it, and compared with a plain reference: an optional '-', then decimal digits, within int64.
#include "domain/validation.hpp"
#include "support/check.hpp"
#include "support/input.hpp"

using namespace nicecream;

namespace {

std::optional<std::int64_t> reference_integer(std::string_view text) {
  const bool negative = text.starts_with('-');
  if (negative) text.remove_prefix(1);
  if (text.empty()) return std::nullopt;
  __int128 value = 0;
  for (const char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
    if (value > __int128{INT64_MAX} + 1) return std::nullopt;
  }
  if (negative) value = -value;
  if (value > INT64_MAX || value < INT64_MIN) return std::nullopt;
  return static_cast<std::int64_t>(value);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto text = fuzz::as_text(data, size);
  domain::ValidationErrors errors;
  const auto id = domain::read_integer(text, {.min = 0}, "header", "Last-Event-ID", errors);
  const auto expected = reference_integer(text);
  if (expected && *expected >= 0) {
    fuzz::require(id == expected, "a whole number >= 0 is read as itself");
    fuzz::require(errors.empty(), "a valid id records no error");
  } else {
    fuzz::require(!id, "anything else is refused");
    fuzz::require(errors.entries().at("header").at("Last-Event-ID").size() == 1,
                  "a refused id records one error on the header");
  }
  return 0;
}
