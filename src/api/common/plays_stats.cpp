#include "api/common/plays_stats.hpp"

#include <date/tz.h>
#include <spdlog/spdlog.h>

#include <boost/json/array.hpp>
#include <cstdio>
#include <map>
#include <stdexcept>

namespace nicecream::api {

namespace {

// Zone names are short paths of letters, digits and "_+-/" ("America/Argentina/Buenos_Aires",
// "Etc/GMT+5"); anything else is refused before the database is asked.
bool looks_like_zone_name(std::string_view name) {
  if (name.empty() || name.size() > 64) return false;
  for (const char c : name) {
    const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    if (!plain && c != '_' && c != '+' && c != '-' && c != '/') return false;
  }
  return true;
}

std::string format_date(date::local_days day) {
  const date::year_month_day ymd{day};
  char text[16];
  std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
  return text;
}

}  // namespace

const date::time_zone* find_time_zone(std::string_view name) {
  if (!looks_like_zone_name(name)) return nullptr;
  try {
    return date::locate_zone(name);
  } catch (const std::runtime_error&) {
    return nullptr;
  }
}

void preload_time_zones() {
  try {
    date::get_tzdb();
  } catch (const std::exception& failure) {
    spdlog::warn("time zone database unavailable: {}", failure.what());
  }
}

UtcRange last_local_days(const date::time_zone& zone, domain::Timestamp now, int days) {
  const auto today = date::floor<date::days>(zone.to_local(now));
  const auto first = today - date::days{days - 1};
  // A midnight skipped by a clock change starts at the change; a repeated one at its first time.
  const auto from = zone.to_sys(first, date::choose::earliest);
  return {std::chrono::time_point_cast<std::chrono::microseconds>(from), now};
}

PlaysStats local_plays_stats(const date::time_zone& zone, std::string tz,
                             std::span<const domain::SlotPlays> slots) {
  PlaysStats stats;
  stats.tz = std::move(tz);
  std::map<date::local_days, std::int64_t> by_day;
  for (const auto& slot : slots) {
    const auto local = zone.to_local(slot.slot_start);
    const auto day = date::floor<date::days>(local);
    const auto monday_first = (date::weekday{day}.iso_encoding() - 1);
    const auto hour = date::floor<std::chrono::hours>(local - day).count();
    stats.by_weekday_hour[monday_first][static_cast<std::size_t>(hour)] += slot.plays;
    by_day[day] += slot.plays;
  }
  stats.by_day.reserve(by_day.size());
  for (const auto& [day, plays] : by_day) stats.by_day.push_back({format_date(day), plays});
  return stats;
}

boost::json::object to_json(const PlaysStats& stats) {
  boost::json::array weekdays;
  for (const auto& hours : stats.by_weekday_hour) {
    boost::json::array row;
    for (const auto plays : hours) row.emplace_back(plays);
    weekdays.emplace_back(std::move(row));
  }
  boost::json::array days;
  for (const auto& day : stats.by_day)
    days.emplace_back(boost::json::object{{"date", day.date}, {"plays", day.plays}});
  return {{"tz", stats.tz}, {"by_weekday_hour", std::move(weekdays)}, {"by_day", std::move(days)}};
}

}  // namespace nicecream::api
