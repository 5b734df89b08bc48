#include "domain/csv.hpp"

namespace nicecream::domain {

std::string csv_field(std::string_view text) {
  if (text.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(text);
  std::string quoted = "\"";
  for (const char c : text) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + '"';
}

std::optional<std::vector<std::string>> CsvReader::next() {
  if (malformed_ || at_ >= text_.size()) return std::nullopt;
  record_line_ = next_line_;
  std::vector<std::string> fields(1);
  bool quoted = false;
  while (at_ < text_.size()) {
    const char c = text_[at_++];
    if (quoted) {
      if (c == '"' && at_ < text_.size() && text_[at_] == '"') {
        fields.back() += '"';
        ++at_;
      } else if (c == '"') {
        quoted = false;
      } else {
        if (c == '\n') ++next_line_;
        fields.back() += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      fields.emplace_back();
    } else if (c == '\n') {
      ++next_line_;
      if (!fields.back().empty() && fields.back().back() == '\r') fields.back().pop_back();
      return fields;
    } else {
      fields.back() += c;
    }
  }
  if (quoted) {
    malformed_ = true;
    return std::nullopt;
  }
  if (!fields.back().empty() && fields.back().back() == '\r') fields.back().pop_back();
  return fields;
}

}  // namespace nicecream::domain
