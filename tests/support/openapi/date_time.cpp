#include "support/openapi/date_time.hpp"

#include <cctype>
#include <chrono>
#include <optional>

namespace nicecream::support::openapi {

namespace {

// Reads fixed-width fields and separators from left to right.
class Reader {
 public:
  explicit Reader(std::string_view text) : text_(text) {}

  std::optional<int> digits(std::size_t width) {
    if (text_.size() < width) return std::nullopt;
    int value = 0;
    for (std::size_t index = 0; index < width; ++index) {
      if (!is_digit(text_[index])) return std::nullopt;
      value = value * 10 + (text_[index] - '0');
    }
    text_.remove_prefix(width);
    return value;
  }

  bool skip(std::string_view one_of) {
    if (text_.empty() || one_of.find(text_.front()) == std::string_view::npos) return false;
    text_.remove_prefix(1);
    return true;
  }

  std::size_t skip_digits() {
    std::size_t count = 0;
    while (!text_.empty() && is_digit(text_.front())) {
      text_.remove_prefix(1);
      ++count;
    }
    return count;
  }

  bool done() const { return text_.empty(); }

 private:
  static bool is_digit(char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }

  std::string_view text_;
};

bool is_calendar_date(int year, int month, int day) {
  const std::chrono::year_month_day date{std::chrono::year{year},
                                         std::chrono::month{static_cast<unsigned>(month)},
                                         std::chrono::day{static_cast<unsigned>(day)}};
  return date.ok();
}

bool read_date(Reader& reader) {
  const auto year = reader.digits(4);
  if (!year || !reader.skip("-")) return false;
  const auto month = reader.digits(2);
  if (!month || !reader.skip("-")) return false;
  const auto day = reader.digits(2);
  return day && is_calendar_date(*year, *month, *day);
}

// Second 60 is a leap second, which RFC 3339 allows.
bool read_time(Reader& reader) {
  const auto hour = reader.digits(2);
  if (!hour || *hour > 23 || !reader.skip(":")) return false;
  const auto minute = reader.digits(2);
  if (!minute || *minute > 59 || !reader.skip(":")) return false;
  const auto second = reader.digits(2);
  if (!second || *second > 60) return false;
  return !reader.skip(".") || reader.skip_digits() > 0;
}

bool read_offset(Reader& reader) {
  if (reader.skip("Zz")) return true;
  if (!reader.skip("+-")) return false;
  const auto hours = reader.digits(2);
  if (!hours || *hours > 23 || !reader.skip(":")) return false;
  const auto minutes = reader.digits(2);
  return minutes && *minutes <= 59;
}

}  // namespace

bool is_date_time(std::string_view text) {
  Reader reader(text);
  return read_date(reader) && reader.skip("Tt") && read_time(reader) && read_offset(reader) &&
         reader.done();
}

}  // namespace nicecream::support::openapi
