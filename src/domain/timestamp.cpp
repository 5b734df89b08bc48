#include "domain/timestamp.hpp"

#include <charconv>
#include <cstdio>

namespace nicecream::domain {

Timestamp now() {
  return std::chrono::time_point_cast<std::chrono::microseconds>(std::chrono::system_clock::now());
}

std::string format_timestamp(Timestamp at) {
  using namespace std::chrono;
  const auto day = floor<days>(at);
  const year_month_day date{day};
  const hh_mm_ss time{at - day};
  char text[64];
  std::snprintf(text, sizeof text, "%04d-%02u-%02uT%02ld:%02ld:%02ld.%06ld+00:00",
                static_cast<int>(date.year()), static_cast<unsigned>(date.month()),
                static_cast<unsigned>(date.day()), static_cast<long>(time.hours().count()),
                static_cast<long>(time.minutes().count()),
                static_cast<long>(time.seconds().count()),
                static_cast<long>(time.subseconds().count()));
  return text;
}

namespace {
bool read_number(std::string_view text, std::size_t pos, std::size_t width, int& out) {
  if (pos + width > text.size() || text[pos] < '0' || text[pos] > '9') return false;  // no sign
  const auto* first = text.data() + pos;
  const auto [end, error] = std::from_chars(first, first + width, out);
  return error == std::errc{} && end == first + width;
}

// The date, time and fraction every accepted form starts with; `rest` is what follows them.
struct LocalReading {
  Timestamp at;  // as if the text were UTC
  std::string_view rest;
};

std::optional<LocalReading> read_local_time(std::string_view text) {
  using namespace std::chrono;
  int y, mo, d, h, mi, s;
  if (text.size() < 19 || text[4] != '-' || text[7] != '-' ||
      (text[10] != 'T' && text[10] != 't' && text[10] != ' ') || text[13] != ':' || text[16] != ':')
    return std::nullopt;
  if (!read_number(text, 0, 4, y) || !read_number(text, 5, 2, mo) || !read_number(text, 8, 2, d) ||
      !read_number(text, 11, 2, h) || !read_number(text, 14, 2, mi) || !read_number(text, 17, 2, s))
    return std::nullopt;
  const year_month_day date{year{y}, month{static_cast<unsigned>(mo)},
                            day{static_cast<unsigned>(d)}};
  if (!date.ok() || h > 23 || mi > 59 || s > 60) return std::nullopt;
  std::size_t pos = 19;
  long micros = 0;
  if (pos < text.size() && text[pos] == '.') {
    ++pos;
    int digits = 0;
    while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') {
      if (digits < 6) micros = micros * 10 + (text[pos] - '0'), ++digits;
      ++pos;
    }
    if (digits == 0) return std::nullopt;
    for (; digits < 6; ++digits) micros *= 10;
  }
  return LocalReading{
      Timestamp{sys_days{date}} + hours{h} + minutes{mi} + seconds{s} + microseconds{micros},
      text.substr(pos)};
}

// "Z", "z" or "+HH:MM" / "-HH:MM" (RFC 3339's time-offset), as the offset east of UTC.
std::optional<std::chrono::minutes> read_offset(std::string_view text) {
  if (text == "Z" || text == "z") return std::chrono::minutes{0};
  int h, m;
  if (text.size() != 6 || (text[0] != '+' && text[0] != '-') || text[3] != ':' ||
      !read_number(text, 1, 2, h) || !read_number(text, 4, 2, m) || h > 23 || m > 59)
    return std::nullopt;
  const std::chrono::minutes offset{h * 60 + m};
  return text[0] == '-' ? -offset : offset;
}

}  // namespace

std::optional<Timestamp> parse_timestamp(std::string_view text) {
  const auto local = read_local_time(text);
  if (!local) return std::nullopt;
  const auto rest = local->rest;
  if (!(rest.empty() || rest == "Z" || rest == "+00:00" || rest == "+00")) return std::nullopt;
  return local->at;
}

std::optional<Timestamp> parse_rfc3339(std::string_view text) {
  const auto local = read_local_time(text);
  if (!local) return std::nullopt;
  const auto offset = read_offset(local->rest);
  if (!offset) return std::nullopt;
  return local->at - *offset;
}

}  // namespace nicecream::domain
