#pragma once

#include <array>
#include <string_view>

#include "api/common/query_reader.hpp"
#include "domain/pages.hpp"

namespace nicecream::api {

// The filters of /history, which its export and search feed take too.
inline constexpr std::array<std::string_view, 6> kHistoryFilters{
    "channel_id", "song_id", "artist_id", "q", "from", "to"};

// channel_id, song_id, artist_id, q, from and to into a query (the page window left at its
// defaults); an invalid value is recorded in the reader's errors and read as absent.
domain::HistoryQuery read_history_filters(QueryReader& reader);

}  // namespace nicecream::api
