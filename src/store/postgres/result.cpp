#include "store/postgres/result.hpp"

#include <charconv>
#include <cstring>
#include <stdexcept>

namespace nicecream::store::postgres {

std::int64_t Result::int64(int row, int column) const {
  const char* text = PQgetvalue(result_.get(), row, column);
  const auto* end = text + std::strlen(text);
  std::int64_t value = 0;
  const auto [stop, error] = std::from_chars(text, end, value);
  if (error != std::errc{} || stop != end)
    throw std::runtime_error(std::string("PostgreSQL: expected an integer, got '") + text + "'");
  return value;
}

std::string Result::text(int row, int column) const {
  return std::string(PQgetvalue(result_.get(), row, column),
                     PQgetlength(result_.get(), row, column));
}

domain::Timestamp Result::timestamp(int row, int column) const {
  return domain::Timestamp{std::chrono::microseconds{int64(row, column)}};
}

}  // namespace nicecream::store::postgres
