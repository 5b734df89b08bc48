#include "api/watches/watch_body.hpp"

#include <string>

#include "domain/text.hpp"

namespace nicecream::api {

namespace {

constexpr std::size_t kMaxValueBytes = 200;
constexpr std::string_view kFields[] = {"kind", "value", "song_id", "channel_id"};

void refuse(domain::ValidationErrors& errors, std::string_view field, std::string_view message) {
  errors.add("body", field, std::string(message));
}

// A positive integer field; absent (or null when `nullable`) is nullopt without an error.
std::optional<domain::Id> read_id(const boost::json::object& body, std::string_view field,
                                  bool nullable, domain::ValidationErrors& errors) {
  const auto* value = body.if_contains(field);
  if (value == nullptr || (nullable && value->is_null())) return std::nullopt;
  if (!value->is_int64()) {
    refuse(errors, field, domain::messages::not_integer);
    return std::nullopt;
  }
  return domain::read_integer(std::to_string(value->get_int64()), {.min = 1}, "body", field,
                              errors);
}

std::optional<domain::WatchKind> read_kind(const boost::json::object& body,
                                           domain::ValidationErrors& errors) {
  const auto* value = body.if_contains("kind");
  if (value == nullptr) {
    refuse(errors, "kind", domain::messages::required);
    return std::nullopt;
  }
  const auto kind = value->is_string() ? domain::parse_watch_kind(value->get_string())
                                       : std::optional<domain::WatchKind>{};
  if (!kind) refuse(errors, "kind", "Must be one of: song, artist, text.");
  return kind;
}

std::optional<std::string> read_value(const boost::json::object& body,
                                      domain::ValidationErrors& errors) {
  const auto* value = body.if_contains("value");
  if (value == nullptr) {
    refuse(errors, "value", domain::messages::required);
    return std::nullopt;
  }
  if (!value->is_string()) {
    refuse(errors, "value", "Not a valid string.");
    return std::nullopt;
  }
  const auto trimmed = domain::trim(value->get_string());
  if (trimmed.empty()) {
    refuse(errors, "value", "Must not be empty.");
    return std::nullopt;
  }
  if (trimmed.size() > kMaxValueBytes) {
    refuse(errors, "value", "Longer than 200 characters.");
    return std::nullopt;
  }
  return std::string(trimmed);
}

}  // namespace

std::optional<domain::NewWatch> read_new_watch(const boost::json::object& body,
                                               domain::ValidationErrors& errors) {
  for (const auto& field : body) {
    if (std::find(std::begin(kFields), std::end(kFields), field.key()) == std::end(kFields))
      refuse(errors, field.key(), domain::messages::unknown_field);
  }
  domain::NewWatch watch;
  const auto kind = read_kind(body, errors);
  watch.channel_id = read_id(body, "channel_id", true, errors);
  if (kind == domain::WatchKind::song) {
    watch.song_id = read_id(body, "song_id", false, errors);
    if (!watch.song_id && !body.contains("song_id"))
      refuse(errors, "song_id", domain::messages::required);
  } else if (kind) {
    if (const auto value = read_value(body, errors)) watch.value = *value;
  }
  if (!kind || !errors.empty()) return std::nullopt;
  watch.kind = *kind;
  return watch;
}

}  // namespace nicecream::api
