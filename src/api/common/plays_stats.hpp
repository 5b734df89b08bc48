#pragma once

#include <array>
#include <boost/json/object.hpp>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "domain/catalog.hpp"
#include "domain/models.hpp"

namespace date {
class time_zone;
}

namespace nicecream::api {

// A song's or an artist's plays seen from one time zone: per local weekday (0 = Monday) and hour,
// and per local date. Built from quarter-hour slots, which every real zone maps whole into one
// local hour.
struct DayPlays {
  std::string date;  // YYYY-MM-DD in the zone
  std::int64_t plays = 0;
};

struct PlaysStats {
  std::string tz;
  std::array<std::array<std::int64_t, 24>, 7> by_weekday_hour{};
  std::vector<DayPlays> by_day;  // days with plays only, oldest first
};

// The zone called `name` in the system's time zone database, or null when there is none. The
// first call loads the database and a zone's first use reads its file: not on an I/O thread.
const date::time_zone* find_time_zone(std::string_view name);

// Loads the database now, so that requests find it read (a failure is logged, and each request
// then answers for itself).
void preload_time_zones();

// [from, now): the last `days` local days of `zone`, today included, from local midnight.
struct UtcRange {
  domain::Timestamp from{};
  domain::Timestamp to{};
};
UtcRange last_local_days(const date::time_zone& zone, domain::Timestamp now, int days);

// `slots` (oldest first) counted by local weekday, hour and date in `zone`.
PlaysStats local_plays_stats(const date::time_zone& zone, std::string tz,
                             std::span<const domain::SlotPlays> slots);

boost::json::object to_json(const PlaysStats& stats);

}  // namespace nicecream::api
