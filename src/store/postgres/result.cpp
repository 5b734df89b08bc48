#include "store/postgres/result.hpp"

#include <charconv>
#include <cstring>
#include <stdexcept>
#include <string>

namespace nicecream::store::postgres {

namespace {

// A binary smallint, integer or bigint (type oids 21, 23, 20): big-endian two's complement of 2,
// 4 or 8 bytes.
std::int64_t binary_integer(Oid type, const char* bytes, int length) {
  const int expected = type == 21 ? 2 : type == 23 ? 4 : type == 20 ? 8 : 0;
  if (expected == 0 || length != expected)
    throw std::runtime_error("PostgreSQL: expected a binary integer, got type " +
                             std::to_string(type) + " of " + std::to_string(length) + " bytes");
  std::uint64_t value = static_cast<unsigned char>(bytes[0]) >= 0x80 ? ~std::uint64_t{0} : 0;
  for (int i = 0; i < length; ++i) value = (value << 8) | static_cast<unsigned char>(bytes[i]);
  return static_cast<std::int64_t>(value);
}

}  // namespace

std::int64_t Result::int64(int row, int column) const {
  if (PQfformat(result_.get(), column) == 1)
    return binary_integer(PQftype(result_.get(), column), PQgetvalue(result_.get(), row, column),
                          PQgetlength(result_.get(), row, column));
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
