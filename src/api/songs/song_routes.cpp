#include "api/songs/song_routes.hpp"

#include <boost/json/serialize.hpp>
#include <variant>

#include "api/common/catalog_handlers.hpp"
#include "api/songs/song_stats.hpp"
#include "domain/timestamp.hpp"

namespace nicecream::api {

namespace {

constexpr std::string_view kSongNotFound = "Song not found.";
constexpr int kDefaultStatsDays = 365;
constexpr int kMaxStatsDays = 3650;

struct StatsRequest {
  domain::Id song_id = 0;
  std::string tz = "UTC";
  int days = kDefaultStatsDays;
};

std::optional<StatsRequest> read_stats_request(const http::Request& request,
                                               domain::ValidationErrors& errors) {
  const auto song_id = read_path_id(request, "song_id", errors);
  QueryReader reader(request.query, {"tz", "days"});
  const auto days = reader.integer("days", {.min = 1, .max = kMaxStatsDays});
  auto tz = reader.text("tz", 64);
  if (!song_id || !reader.errors().empty()) {
    if (song_id) errors = reader.errors();
    return std::nullopt;
  }
  StatsRequest stats;
  stats.song_id = *song_id;
  if (tz) stats.tz = std::move(*tz);
  if (days) stats.days = static_cast<int>(*days);
  return stats;
}

struct UnknownZone {};
struct UnknownSong {};
using StatsAnswer = std::variant<SongStats, UnknownZone, UnknownSong>;

// On the blocking pool: the zone's first use reads its file.
StatsAnswer compute_stats(Services& services, const StatsRequest& request) {
  const auto* zone = find_time_zone(request.tz);
  if (!zone) return UnknownZone{};
  if (!services.store.find_song(request.song_id)) return UnknownSong{};
  const auto range = last_local_days(*zone, domain::now(), request.days);
  const auto slots = services.store.song_plays_by_slot(request.song_id, range.from, range.to);
  return local_song_stats(*zone, request.tz, slots);
}

boost::asio::awaitable<http::Response> song_stats(Services& services, http::Request& request) {
  domain::ValidationErrors errors;
  const auto stats_request = read_stats_request(request, errors);
  if (!stats_request) co_return validation_response(errors);
  const auto answer =
      co_await services.blocking.run([&] { return compute_stats(services, *stats_request); });
  if (std::holds_alternative<UnknownSong>(answer))
    co_return error_response(Status::not_found, kSongNotFound);
  if (std::holds_alternative<UnknownZone>(answer)) {
    errors.add("query", "tz", "Unknown time zone: an IANA name such as Europe/Berlin.");
    co_return validation_response(errors);
  }
  co_return json_response(Status::ok, to_json(std::get<SongStats>(answer)));
}

}  // namespace

void add_song_routes(RouteTable& routes, Services& services) {
  using boost::beast::http::verb;
  preload_time_zones();
  routes.add(verb::get, "/songs", [&services](http::Request& request) {
    return catalog_page(services, request, [](store::Store& store, const auto& query) {
      return store.list_songs(query);
    });
  });
  routes.add(verb::get, "/songs/{song_id:int}", [&services](http::Request& request) {
    return catalog_item(services, request, "song_id", kSongNotFound,
                        [](store::Store& store, domain::Id id) { return store.song_detail(id); });
  });
  routes.add(verb::get, "/songs/{song_id:int}/stats",
             [&services](http::Request& request) { return song_stats(services, request); });
}

}  // namespace nicecream::api
