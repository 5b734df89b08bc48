#include "api/common/plays_stats.hpp"

#include <gtest/gtest.h>

#include <boost/json/serialize.hpp>
#include <vector>

#include "domain/timestamp.hpp"

namespace nicecream::api {
namespace {

domain::Timestamp at(const char* text) {
  return *domain::parse_rfc3339(text);
}

// One play in the quarter hour starting at each UTC instant.
PlaysStats stats_in(const char* zone_name, std::initializer_list<const char*> slot_starts) {
  const auto* zone = find_time_zone(zone_name);
  EXPECT_NE(zone, nullptr) << zone_name;
  std::vector<domain::SlotPlays> slots;
  for (const auto* start : slot_starts) slots.push_back({at(start), 1});
  return local_plays_stats(*zone, zone_name, slots);
}

constexpr std::size_t kMonday = 0, kSaturday = 5, kSunday = 6;

TEST(PlaysStats, BerlinSpringForwardSkipsTwoOClock) {
  // 2026-03-29 01:00 UTC: 02:00 CET becomes 03:00 CEST.
  const auto stats = stats_in("Europe/Berlin", {"2026-03-29T00:45:00Z", "2026-03-29T01:00:00Z"});
  EXPECT_EQ(stats.by_weekday_hour[kSunday][1], 1);
  EXPECT_EQ(stats.by_weekday_hour[kSunday][2], 0);
  EXPECT_EQ(stats.by_weekday_hour[kSunday][3], 1);
  ASSERT_EQ(stats.by_day.size(), 1u);
  EXPECT_EQ(stats.by_day[0].date, "2026-03-29");
  EXPECT_EQ(stats.by_day[0].plays, 2);
}

TEST(PlaysStats, BerlinFallBackCountsTwoOClockTwice) {
  // 2026-10-25 01:00 UTC: 03:00 CEST becomes 02:00 CET; both quarter hours are local 02:xx.
  const auto stats = stats_in("Europe/Berlin", {"2026-10-25T00:45:00Z", "2026-10-25T01:00:00Z"});
  EXPECT_EQ(stats.by_weekday_hour[kSunday][2], 2);
}

TEST(PlaysStats, HalfHourZoneMovesTheDayAtHalfPast) {
  // Asia/Kolkata is +05:30: 18:15 UTC is 23:45 Saturday, 18:30 UTC is midnight Sunday.
  const auto stats = stats_in("Asia/Kolkata", {"2026-12-05T18:15:00Z", "2026-12-05T18:30:00Z"});
  EXPECT_EQ(stats.by_weekday_hour[kSaturday][23], 1);
  EXPECT_EQ(stats.by_weekday_hour[kSunday][0], 1);
  ASSERT_EQ(stats.by_day.size(), 2u);
  EXPECT_EQ(stats.by_day[0].date, "2026-12-05");
  EXPECT_EQ(stats.by_day[1].date, "2026-12-06");
}

TEST(PlaysStats, QuarterHourZoneMovesTheDayAtQuarterPast) {
  // Asia/Kathmandu is +05:45: 18:00 UTC is 23:45 Sunday, 18:15 UTC is midnight Monday.
  const auto stats = stats_in("Asia/Kathmandu", {"2026-12-06T18:00:00Z", "2026-12-06T18:15:00Z"});
  EXPECT_EQ(stats.by_weekday_hour[kSunday][23], 1);
  EXPECT_EQ(stats.by_weekday_hour[kMonday][0], 1);
  EXPECT_EQ(stats.by_day.back().date, "2026-12-07");
}

TEST(PlaysStats, DaysAreOldestFirstAndSummed) {
  const auto stats =
      stats_in("UTC", {"2026-12-01T10:00:00Z", "2026-12-01T10:15:00Z", "2026-12-03T23:45:00Z"});
  ASSERT_EQ(stats.by_day.size(), 2u);
  EXPECT_EQ(stats.by_day[0].date, "2026-12-01");
  EXPECT_EQ(stats.by_day[0].plays, 2);
  EXPECT_EQ(stats.by_day[1].date, "2026-12-03");
  EXPECT_EQ(stats.by_weekday_hour[1][10], 2);  // a Tuesday
}

TEST(PlaysStats, LastLocalDaysStartAtLocalMidnight) {
  const auto* berlin = find_time_zone("Europe/Berlin");
  ASSERT_NE(berlin, nullptr);
  const auto now = at("2026-03-29T12:00:00Z");  // 14:00 CEST, the day of the change
  const auto today = last_local_days(*berlin, now, 1);
  EXPECT_EQ(today.from, at("2026-03-28T23:00:00Z"));  // midnight was still CET
  EXPECT_EQ(today.to, now);
  EXPECT_EQ(last_local_days(*berlin, now, 2).from, at("2026-03-27T23:00:00Z"));
  const auto* kolkata = find_time_zone("Asia/Kolkata");
  ASSERT_NE(kolkata, nullptr);
  EXPECT_EQ(last_local_days(*kolkata, at("2026-12-04T20:00:00Z"), 1).from,
            at("2026-12-04T18:30:00Z"));  // already the 5th there
}

TEST(PlaysStats, UnknownOrMalformedZonesAreNotFound) {
  for (const auto* name : {"Mars/Olympus", "", "../../etc/passwd", "Europe/Berlin\n", "UTC "})
    EXPECT_EQ(find_time_zone(name), nullptr) << name;
  EXPECT_NE(find_time_zone("America/Argentina/Buenos_Aires"), nullptr);
  EXPECT_NE(find_time_zone("Etc/GMT+5"), nullptr);
}

TEST(PlaysStats, JsonHasSevenRowsOfTwentyFourHours) {
  const auto json = to_json(stats_in("UTC", {"2026-12-07T09:00:00Z"}));  // a Monday
  EXPECT_EQ(json.at("tz").as_string(), "UTC");
  const auto& rows = json.at("by_weekday_hour").as_array();
  ASSERT_EQ(rows.size(), 7u);
  for (const auto& row : rows) EXPECT_EQ(row.as_array().size(), 24u);
  EXPECT_EQ(rows[0].as_array()[9].as_int64(), 1);
  EXPECT_EQ(boost::json::serialize(json.at("by_day")), R"([{"date":"2026-12-07","plays":1}])");
}

}  // namespace
}  // namespace nicecream::api
