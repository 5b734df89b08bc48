#include "api/common/query_reader.hpp"

#include <algorithm>
#include <string>

#include "domain/pages.hpp"
#include "domain/timestamp.hpp"

namespace nicecream::api {

QueryReader::QueryReader(const http::QueryParams& query,
                         std::initializer_list<std::string_view> known,
                         std::span<const std::string_view> also_known)
    : query_(query) {
  for (const auto& [name, value] : query.entries)
    if (std::ranges::find(known, name) == known.end() &&
        std::ranges::find(also_known, name) == also_known.end())
      errors_.add("query", name, std::string(domain::messages::unknown_field));
}

std::optional<std::int64_t> QueryReader::integer(std::string_view name, domain::IntegerRule rule) {
  const auto text = query_.get(name);
  if (!text) return std::nullopt;
  return domain::read_integer(*text, rule, "query", name, errors_);
}

namespace {

constexpr domain::Timestamp kEarliestInstant{};  // 1970-01-01T00:00:00Z

// Code points in `text`, or nullopt when it is not well-formed UTF-8 (overlong forms, surrogates
// and values past U+10FFFF included), which no engine would store or compare.
std::optional<std::size_t> count_code_points(std::string_view text) {
  std::size_t count = 0;
  for (std::size_t i = 0; i < text.size(); ++count) {
    const auto lead = static_cast<unsigned char>(text[i]);
    const int length = lead < 0x80   ? 1
                       : lead < 0xC2 ? 0
                       : lead < 0xE0 ? 2
                       : lead < 0xF0 ? 3
                       : lead < 0xF5 ? 4
                                     : 0;
    if (length == 0 || i + length > text.size()) return std::nullopt;
    char32_t value = length == 1 ? lead : lead & (0x7F >> length);
    for (int k = 1; k < length; ++k) {
      const auto next = static_cast<unsigned char>(text[i + k]);
      if ((next & 0xC0) != 0x80) return std::nullopt;
      value = (value << 6) | (next & 0x3F);
    }
    const char32_t smallest[] = {0, 0, 0x80, 0x800, 0x10000};
    if (value < smallest[length] || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF))
      return std::nullopt;
    i += length;
  }
  return count;
}

}  // namespace

std::optional<std::string> QueryReader::text(std::string_view name, std::size_t max_characters) {
  const auto text = query_.get(name);
  if (!text) return std::nullopt;
  const auto characters = count_code_points(*text);
  if (!characters) {
    errors_.add("query", name, std::string(query_messages::not_utf8));
    return std::nullopt;
  }
  if (*characters < 1 || *characters > max_characters) {
    errors_.add("query", name,
                "Length must be between 1 and " + std::to_string(max_characters) + ".");
    return std::nullopt;
  }
  return std::string(*text);
}

std::optional<domain::Timestamp> QueryReader::timestamp(std::string_view name) {
  const auto text = query_.get(name);
  if (!text) return std::nullopt;
  auto at = domain::parse_rfc3339(*text);
  if (!at) {
    errors_.add("query", name, std::string(query_messages::not_datetime));
  } else if (*at < kEarliestInstant) {
    // Nothing was recorded before; and year 0 or earlier is not a timestamp every engine takes.
    errors_.add("query", name, std::string(query_messages::before_epoch));
    at.reset();
  }
  return at;
}

std::optional<std::string_view> QueryReader::one_of(
    std::string_view name, std::initializer_list<std::string_view> choices) {
  const auto text = query_.get(name);
  if (!text) return std::nullopt;
  const auto found = std::ranges::find(choices, *text);
  if (found != choices.end()) return *found;
  std::string message = "Must be one of: ";
  for (const auto& choice : choices)
    message += std::string(choice) + (&choice == std::prev(choices.end()) ? "." : ", ");
  errors_.add("query", name, std::move(message));
  return std::nullopt;
}

void QueryReader::reject(std::string_view name, std::string message) {
  errors_.add("query", name, std::move(message));
}

std::optional<domain::Id> read_path_id(const http::Request& request, std::string_view name,
                                       domain::ValidationErrors& errors) {
  return domain::read_integer(request.params.get(name).value_or(""), {.min = 1}, "path", name,
                              errors);
}

PageWindow read_page_window(QueryReader& reader) {
  const auto offset = reader.integer("offset", {.min = 0});
  const auto limit = reader.integer("limit", {.min = 1, .max = domain::kMaxPageSize});
  return {.before = reader.integer("before", {.min = 1}),
          .offset = offset.value_or(0),
          .limit = static_cast<int>(limit.value_or(domain::kDefaultPageSize))};
}

TimeWindow read_time_window(QueryReader& reader) {
  TimeWindow window{.from = reader.timestamp("from"), .to = reader.timestamp("to")};
  if (window.from && window.to && *window.to <= *window.from) {
    reader.reject("to", std::string(query_messages::not_after_from));
    window.to.reset();
  }
  return window;
}

std::optional<domain::Id> read_channel_filter(QueryReader& reader) {
  return reader.integer("channel_id", {.min = 1});
}

domain::CatalogQuery read_catalog_query(QueryReader& reader) {
  auto text = reader.text("q", domain::kMaxSearchLength);
  const auto window = read_page_window(reader);
  return {.text = std::move(text), .offset = window.offset, .limit = window.limit};
}

}  // namespace nicecream::api
