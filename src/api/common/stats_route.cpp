#include "api/common/stats_route.hpp"

#include <optional>
#include <string>
#include <variant>

#include "api/common/catalog_handlers.hpp"
#include "api/common/plays_stats.hpp"
#include "domain/timestamp.hpp"

namespace nicecream::api {

namespace {

constexpr int kDefaultStatsDays = 365;
constexpr int kMaxStatsDays = 3650;

struct StatsRequest {
  domain::Id id = 0;
  std::string tz = "UTC";
  int days = kDefaultStatsDays;
};

std::optional<StatsRequest> read_stats_request(const http::Request& request,
                                               std::string_view id_name,
                                               domain::ValidationErrors& errors) {
  const auto id = read_path_id(request, id_name, errors);
  QueryReader reader(request.query, {"tz", "days"});
  const auto days = reader.integer("days", {.min = 1, .max = kMaxStatsDays});
  auto tz = reader.text("tz", 64);
  if (!id || !reader.errors().empty()) {
    if (id) errors = reader.errors();
    return std::nullopt;
  }
  StatsRequest stats;
  stats.id = *id;
  if (tz) stats.tz = std::move(*tz);
  if (days) stats.days = static_cast<int>(*days);
  return stats;
}

struct UnknownZone {};
struct Unknown {};
using StatsAnswer = std::variant<PlaysStats, UnknownZone, Unknown>;

// On the blocking pool: the zone's first use reads its file.
StatsAnswer compute_stats(Services& services, const StatsSubject& subject,
                          const StatsRequest& request) {
  const auto* zone = find_time_zone(request.tz);
  if (!zone) return UnknownZone{};
  const auto range = last_local_days(*zone, domain::now(), request.days);
  const auto slots = subject.slots(services.store, request.id, range.from, range.to);
  if (slots.empty() && !subject.exists(services.store, request.id)) return Unknown{};
  return local_plays_stats(*zone, request.tz, slots);
}

}  // namespace

boost::asio::awaitable<http::Response> plays_stats_answer(Services& services,
                                                          http::Request& request,
                                                          const StatsSubject& subject) {
  domain::ValidationErrors errors;
  const auto stats_request = read_stats_request(request, subject.id_name, errors);
  if (!stats_request) co_return validation_response(errors);
  const auto answer = co_await services.blocking.run(
      [&] { return compute_stats(services, subject, *stats_request); });
  if (std::holds_alternative<Unknown>(answer))
    co_return error_response(Status::not_found, subject.not_found);
  if (std::holds_alternative<UnknownZone>(answer)) {
    errors.add("query", "tz", "Unknown time zone: an IANA name such as Europe/Berlin.");
    co_return validation_response(errors);
  }
  co_return json_response(Status::ok, to_json(std::get<PlaysStats>(answer)));
}

}  // namespace nicecream::api
