#pragma once

#include <boost/json/object.hpp>
#include <optional>

#include "domain/validation.hpp"
#include "domain/watch.hpp"

namespace nicecream::api {

// POST /user/watches: {kind, value?, song_id?, channel_id?}. A song watch needs song_id, an
// artist or text watch a value (trimmed, not empty, at most 200 characters); channel_id may be
// null. Every problem is recorded under "body".
std::optional<domain::NewWatch> read_new_watch(const boost::json::object& body,
                                               domain::ValidationErrors& errors);

}  // namespace nicecream::api
