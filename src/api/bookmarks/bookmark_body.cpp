#include "api/bookmarks/bookmark_body.hpp"

#include <string>

namespace nicecream::api {

std::optional<domain::Id> read_song_id(const boost::json::object& body,
                                       domain::ValidationErrors& errors) {
  for (const auto& field : body)
    if (field.key() != kSongIdField)
      errors.add("body", field.key(), std::string(domain::messages::unknown_field));
  const auto* value = body.if_contains(kSongIdField);
  if (value == nullptr) {
    errors.add("body", kSongIdField, std::string(domain::messages::required));
  } else if (!value->is_int64()) {  // strings, fractions, booleans, null, and past int64
    errors.add("body", kSongIdField, std::string(domain::messages::not_integer));
  } else {
    // Through the query's integer reader, so the range message is worded the same everywhere.
    const auto song_id = domain::read_integer(std::to_string(value->get_int64()), {.min = 1},
                                              "body", kSongIdField, errors);
    if (errors.empty()) return song_id;
  }
  return std::nullopt;
}

}  // namespace nicecream::api
