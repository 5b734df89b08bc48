#pragma once

#include <libpq-fe.h>

#include <cstdint>
#include <memory>
#include <string>

#include "domain/models.hpp"

namespace nicecream::store::postgres {

// A successful command's rows, read as text (or, from exec_binary, integers in binary). Timestamps
// are selected as microseconds since the epoch (see sql.hpp's micros()) so no time zone parsing
// is involved.
class Result {
 public:
  explicit Result(PGresult* result) : result_(result, &PQclear) {}

  int rows() const { return PQntuples(result_.get()); }
  bool empty() const { return rows() == 0; }
  bool is_null(int row, int column) const { return PQgetisnull(result_.get(), row, column) != 0; }
  std::int64_t int64(int row, int column) const;
  std::string text(int row, int column) const;
  domain::Timestamp timestamp(int row, int column) const;

 private:
  std::unique_ptr<PGresult, decltype(&PQclear)> result_;
};

}  // namespace nicecream::store::postgres
