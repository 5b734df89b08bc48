#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace nicecream::domain {

// One field of an RFC 4180 record: quoted when it holds a comma, a quote or a line break, quotes
// doubled. A leading =, +, - or @ is kept as is: these files are data, not spreadsheets to run.
std::string csv_field(std::string_view text);

// Reads RFC 4180 records one at a time: quoted fields may hold separators, doubled quotes and line
// breaks; records end with CRLF or LF. Fields are kept as written (no trimming).
class CsvReader {
 public:
  explicit CsvReader(std::string_view text) : text_(text) {}
  // The next record, or nullopt at the end; a quote left open is `malformed()` and ends reading.
  std::optional<std::vector<std::string>> next();
  int line() const { return record_line_; }  // where the last record began, from 1
  bool malformed() const { return malformed_; }

 private:
  std::string_view text_;
  std::size_t at_ = 0;
  int next_line_ = 1;
  int record_line_ = 0;
  bool malformed_ = false;
};

}  // namespace nicecream::domain
