#include "api/channels/channel_admin_routes.hpp"

#include <spdlog/spdlog.h>

#include "api/channels/channel_body.hpp"
#include "api/channels/channel_views.hpp"
#include "api/common/admin_guard.hpp"
#include "api/common/json_body.hpp"
#include "api/common/json_views.hpp"
#include "api/common/query_reader.hpp"
#include "api/common/responses.hpp"
#include "store/errors.hpp"

namespace nicecream::api {

namespace {

constexpr std::string_view kChannelNotFound = "Channel not found.";

http::Response name_taken(const std::string& name) {
  return admin_answer(
      error_response(Status::conflict, "A channel named '" + name + "' exists already."));
}

// What a change leaves behind: the cached pages go (the channel list; history pages, since a
// removal takes items away and a pause ends a gap), in every process, and live clients hear of
// it.
void announce(Services& services, const events::ChannelEvent& change) {
  services.page_cache.invalidate();
  services.bus.publish_channel(change);
}

struct Saved {
  domain::Channel channel;
  domain::ChannelStatus status;
};

boost::asio::awaitable<http::Response> add_channel(Services& services, http::Request& request) {
  auto who = co_await require_admin(services, request);
  if (auto* denied = std::get_if<http::Response>(&who)) co_return std::move(*denied);
  const auto& admin = std::get<Admin>(who);
  auto body = read_json_object(request);
  if (auto* refused = std::get_if<http::Response>(&body)) co_return admin_answer(*refused);
  domain::ValidationErrors errors;
  const auto fields =
      read_channel_fields(std::get<boost::json::object>(body), ChannelBodyKind::create, errors);
  const auto candidate = with_fields({}, fields);
  if (errors.empty()) check_channel(candidate, errors);
  if (!errors.empty()) co_return admin_answer(validation_response(errors));
  std::optional<Saved> saved;
  try {
    saved = co_await services.blocking.run([&] {
      const auto added = services.store.add_channel(
          {candidate.name, candidate.url, candidate.format, candidate.title_pointer});
      return Saved{added, current_status(services.store, added.id)};
    });
  } catch (const store::Conflict&) {
  }
  if (!saved) co_return name_taken(candidate.name);
  spdlog::info("admin {}: added channel {} '{}'", admin.subject, saved->channel.id,
               saved->channel.name);
  announce(services, {saved->channel, saved->status});
  co_return admin_answer(json_response(Status::created, to_json(saved->channel, saved->status)));
}

boost::asio::awaitable<http::Response> change_channel(Services& services, http::Request& request) {
  auto who = co_await require_admin(services, request);
  if (auto* denied = std::get_if<http::Response>(&who)) co_return std::move(*denied);
  const auto& admin = std::get<Admin>(who);
  domain::ValidationErrors errors;
  const auto channel_id = read_path_id(request, "channel_id", errors);
  if (!channel_id) co_return admin_answer(validation_response(errors));
  auto body = read_json_object(request);
  if (auto* refused = std::get_if<http::Response>(&body)) co_return admin_answer(*refused);
  const auto fields =
      read_channel_fields(std::get<boost::json::object>(body), ChannelBodyKind::change, errors);
  if (!errors.empty()) co_return admin_answer(validation_response(errors));

  enum class Outcome { saved, not_found, invalid, name_taken };
  Outcome outcome = Outcome::saved;
  std::optional<Saved> saved;
  std::string wanted_name;
  co_await services.blocking.run([&] {
    const auto current = services.store.find_channel(*channel_id);
    if (!current) return void(outcome = Outcome::not_found);
    const auto changed = with_fields(*current, fields);
    wanted_name = changed.name;
    check_channel(changed, errors);
    if (!errors.empty()) return void(outcome = Outcome::invalid);
    try {
      const auto updated = services.store.update_channel(changed);
      if (!updated) return void(outcome = Outcome::not_found);
      saved = Saved{*updated, current_status(services.store, updated->id)};
    } catch (const store::Conflict&) {
      outcome = Outcome::name_taken;
    }
  });
  switch (outcome) {
    case Outcome::not_found:
      co_return admin_answer(error_response(Status::not_found, kChannelNotFound));
    case Outcome::invalid:
      co_return admin_answer(validation_response(errors));
    case Outcome::name_taken:
      co_return name_taken(wanted_name);
    case Outcome::saved:
      break;
  }
  spdlog::info("admin {}: changed channel {} '{}'{}", admin.subject, saved->channel.id,
               saved->channel.name,
               fields.paused ? (*fields.paused ? " (paused)" : " (resumed)") : "");
  announce(services, {saved->channel, saved->status});
  co_return admin_answer(json_response(Status::ok, to_json(saved->channel, saved->status)));
}

boost::asio::awaitable<http::Response> remove_channel(Services& services, http::Request& request) {
  auto who = co_await require_admin(services, request);
  if (auto* denied = std::get_if<http::Response>(&who)) co_return std::move(*denied);
  const auto& admin = std::get<Admin>(who);
  domain::ValidationErrors errors;
  const auto channel_id = read_path_id(request, "channel_id", errors);
  QueryReader reader(request.query, {"purge"});
  const bool purge = reader.one_of("purge", {"true", "false"}) == "true";
  if (!channel_id || !reader.errors().empty()) {
    if (channel_id) errors = reader.errors();
    co_return admin_answer(validation_response(errors));
  }
  const auto removal = co_await services.blocking.run([&] {
    if (!purge) return services.store.remove_unused_channel(*channel_id);
    return services.store.remove_channel(*channel_id) ? store::ChannelRemoval::removed
                                                      : store::ChannelRemoval::not_found;
  });
  switch (removal) {
    case store::ChannelRemoval::not_found:
      co_return admin_answer(error_response(Status::not_found, kChannelNotFound));
    case store::ChannelRemoval::has_history:
      co_return admin_answer(error_response(
          Status::conflict,
          "The channel has recorded history; delete with ?purge=true to remove it too."));
    case store::ChannelRemoval::removed:
      break;
  }
  spdlog::info("admin {}: removed channel {}{}", admin.subject, *channel_id,
               purge ? " and its history" : "");
  announce(services, events::ChannelEvent::removal(*channel_id));
  co_return admin_answer(http::make_response(Status::no_content, "", "text/plain"));
}

}  // namespace

void add_channel_admin_routes(RouteTable& routes, Services& services) {
  using boost::beast::http::verb;
  routes.add(verb::post, "/channels",
             [&services](http::Request& request) { return add_channel(services, request); },
             {.write_limited = true});
  routes.add(verb::patch, "/channels/{channel_id:int}",
             [&services](http::Request& request) { return change_channel(services, request); },
             {.write_limited = true});
  routes.add(verb::delete_, "/channels/{channel_id:int}",
             [&services](http::Request& request) { return remove_channel(services, request); },
             {.write_limited = true});
}

}  // namespace nicecream::api
