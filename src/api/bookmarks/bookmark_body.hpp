#pragma once

#include <boost/json/object.hpp>
#include <optional>
#include <string_view>

#include "domain/models.hpp"
#include "domain/validation.hpp"

namespace nicecream::api {

inline constexpr std::string_view kSongIdField = "song_id";

// The song of a POST /user/bookmarks body, {"song_id": N}: N a JSON integer >= 1 and nothing
// else in the object. nullopt when it is not, with the errors on `body.<field>` in `errors`.
std::optional<domain::Id> read_song_id(const boost::json::object& body,
                                       domain::ValidationErrors& errors);

}  // namespace nicecream::api
