#include "api/channels/channel_probe_routes.hpp"

#include <spdlog/spdlog.h>

#include "api/channels/channel_body.hpp"
#include "api/common/admin_guard.hpp"
#include "api/common/json_body.hpp"
#include "api/common/responses.hpp"

namespace nicecream::api {

namespace {

// No name is asked for; a placeholder satisfies the channel rules' name check.
constexpr std::string_view kProbeName = "probe";

boost::json::object probe_json(const domain::ProbeOutcome& outcome) {
  return {{"format", outcome.format},
          {"title", outcome.title ? boost::json::value(*outcome.title) : nullptr}};
}

boost::asio::awaitable<http::Response> probe(Services& services, http::Request& request) {
  auto who = co_await require_admin(services, request);
  if (auto* denied = std::get_if<http::Response>(&who)) co_return std::move(*denied);
  const auto& admin = std::get<Admin>(who);
  auto body = read_json_object(request);
  if (auto* refused = std::get_if<http::Response>(&body)) co_return admin_answer(*refused);
  domain::ValidationErrors errors;
  const auto fields =
      read_channel_fields(std::get<boost::json::object>(body), ChannelBodyKind::probe, errors);
  domain::Channel unsaved;
  unsaved.name = kProbeName;
  const auto channel = with_fields(unsaved, fields);
  if (errors.empty()) check_channel(channel, errors);
  if (!errors.empty()) co_return admin_answer(validation_response(errors));
  if (!services.probe_channel)
    co_return admin_answer(error_response(Status::service_unavailable, "Probing is not set up."));
  const auto outcome =
      co_await services.blocking.run([&] { return services.probe_channel(channel); });
  spdlog::info("admin {}: probed a station: {}", admin.subject,
               outcome.failed() ? outcome.error : "read as " + outcome.format);
  if (outcome.failed())
    co_return admin_answer(error_response(Status::unprocessable_entity, outcome.error));
  co_return admin_answer(json_response(Status::ok, probe_json(outcome)));
}

}  // namespace

void add_channel_probe_routes(RouteTable& routes, Services& services) {
  routes.add(boost::beast::http::verb::post, "/channels/probe",
             [&services](http::Request& request) { return probe(services, request); },
             {.write_limited = true});
}

}  // namespace nicecream::api
