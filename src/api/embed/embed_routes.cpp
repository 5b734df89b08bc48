#include "api/embed/embed_routes.hpp"

#include <boost/beast/http/field.hpp>
#include <boost/json/object.hpp>
#include <boost/url/url.hpp>
#include <charconv>

#include "api/common/query_reader.hpp"
#include "api/common/responses.hpp"
#include "api/common/xml_text.hpp"
#include "api/embed/widget_page.hpp"
#include "url/url.hpp"

namespace nicecream::api {

namespace {

namespace bhttp = boost::beast::http;
using Awaitable = boost::asio::awaitable<http::Response>;

constexpr std::string_view kChannelNotFound = "Channel not found.";
constexpr std::string_view kEmbedPrefix = "/embed/channels/";
// The iframe's size when the consumer sets no bounds: one card, as the page lays it out.
constexpr std::int64_t kDefaultWidth = 360;
constexpr std::int64_t kDefaultHeight = 120;

// This server as its clients reach it: the Host they asked for, https when the deployment is
// (its cookies are Secure), so links made here work from elsewhere.
std::string public_origin(const Services& services, const http::Request& request) {
  const auto scheme = services.settings.strict_transport_security ? "https://" : "http://";
  return scheme + std::string(request.header("Host"));
}

// The embeddable page of a channel on this site.
std::string channel_embed_url(const std::string& origin, domain::Id channel_id) {
  return origin + std::string(kEmbedPrefix) + std::to_string(channel_id);
}

// Where a consumer finds the page's oEmbed answer (the url parameter percent-encoded).
std::string oembed_link(const std::string& origin, const std::string& embed_url) {
  boost::urls::url link(origin + "/oembed");
  link.params().append({"format", "json"});
  link.params().append({"url", embed_url});
  return std::string(link.buffer());
}

struct EmbedTarget {
  domain::Channel channel;
  domain::ChannelStatus status;
  std::string latest_title;
};

// The channel with its status and latest title, or nothing for an unknown channel.
std::optional<EmbedTarget> read_target(store::Store& store, domain::Id channel_id) {
  auto channel = store.find_channel(channel_id);
  if (!channel) return std::nullopt;
  EmbedTarget target{.channel = std::move(*channel), .status = {}, .latest_title = {}};
  target.status.channel_id = channel_id;
  for (auto& status : store.list_channel_statuses())
    if (status.channel_id == channel_id) target.status = std::move(status);
  if (auto latest = store.latest_history(channel_id)) target.latest_title = latest->song_title;
  return target;
}

Awaitable embed_page(Services& services, const WidgetPage& page, http::Request& request) {
  domain::ValidationErrors errors;
  const auto channel_id = read_path_id(request, "channel_id", errors);
  QueryReader reader(request.query, {"theme"});
  const auto theme = reader.one_of("theme", {"light", "dark", "auto"});
  if (!channel_id) co_return validation_response(errors);
  if (!reader.errors().empty()) co_return validation_response(reader.errors());
  const auto target =
      co_await services.blocking.run([&] { return read_target(services.store, *channel_id); });
  if (!target) co_return error_response(Status::not_found, kChannelNotFound);

  const auto origin = public_origin(services, request);
  const auto embed_url = channel_embed_url(origin, *channel_id);
  auto response = http::make_response(
      Status::ok,
      page.render({.channel = target->channel,
                   .status = target->status,
                   .latest_title = target->latest_title,
                   .theme = theme.value_or("auto"),
                   .live_event_name = services.settings.live_event_name,
                   .app_link = origin + "/?channel=" + std::to_string(*channel_id),
                   .oembed_link = oembed_link(origin, embed_url)}),
      "text/html; charset=utf-8");
  // Set here, so the headers every answer gets leave it: the one policy that lets others frame.
  response.message.set("Content-Security-Policy",
                       page.content_security_policy(services.settings.embed_origins));
  response.message.set(bhttp::field::cache_control, "no-cache");
  co_return response;
}

std::optional<domain::Id> positive_id(std::string_view digits) {
  domain::Id id = 0;
  const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), id);
  if (error != std::errc() || end != digits.data() + digits.size() || id < 1) return std::nullopt;
  return id;
}

// The channel a URL of this site shows: /embed/channels/{id}, or the app's /?channel={id}.
std::optional<domain::Id> embedded_channel(std::string_view text, std::string_view host) {
  const auto url = url::parse_absolute_url(text);
  if (!url || (url->scheme() != "http" && url->scheme() != "https") ||
      url->encoded_host_and_port() != host)
    return std::nullopt;
  const auto path = url->encoded_path();
  if (path.starts_with(kEmbedPrefix)) return positive_id(path.substr(kEmbedPrefix.size()));
  if (path != "/" && !path.empty()) return std::nullopt;
  const auto found = url->params().find("channel");
  if (found == url->params().end()) return std::nullopt;
  return positive_id((*found).value);
}

Awaitable oembed(Services& services, http::Request& request) {
  QueryReader reader(request.query, {"url", "format", "maxwidth", "maxheight"});
  const auto url = reader.text("url", 2048);
  const auto format = reader.text("format", 16);
  const auto max_width = reader.integer("maxwidth", {.min = 1, .max = 10'000});
  const auto max_height = reader.integer("maxheight", {.min = 1, .max = 10'000});
  if (!url && reader.errors().empty())
    reader.reject("url", std::string(domain::messages::required));
  if (!reader.errors().empty()) co_return validation_response(reader.errors());
  // oEmbed: a format the provider does not serve is 501.
  if (format && *format != "json")
    co_return error_response(Status::not_implemented, "Only format=json is served.");
  const auto channel_id = embedded_channel(*url, request.header("Host"));
  if (!channel_id) co_return error_response(Status::not_found, "Not a channel page of this site.");
  const auto channel =
      co_await services.blocking.run([&] { return services.store.find_channel(*channel_id); });
  if (!channel) co_return error_response(Status::not_found, kChannelNotFound);

  const auto width = std::min(kDefaultWidth, max_width.value_or(kDefaultWidth));
  const auto height = std::min(kDefaultHeight, max_height.value_or(kDefaultHeight));
  const auto origin = public_origin(services, request);
  const auto src = channel_embed_url(origin, *channel_id);
  const auto html = "<iframe src=\"" + xml_text(src) + "\" width=\"" + std::to_string(width) +
                    "\" height=\"" + std::to_string(height) + "\" title=\"" +
                    xml_text(channel->name + ": now playing") +
                    "\" style=\"border:0\" loading=\"lazy\"></iframe>";
  co_return json_response(Status::ok, boost::json::object{{"version", "1.0"},
                                                          {"type", "rich"},
                                                          {"provider_name", "Nicecream History"},
                                                          {"provider_url", origin + "/"},
                                                          {"title", channel->name},
                                                          {"html", html},
                                                          {"width", width},
                                                          {"height", height}});
}

}  // namespace

void add_embed_routes(RouteTable& routes, Services& services) {
  static const WidgetPage page;
  routes.add(bhttp::verb::get, "/embed/channels/{channel_id:int}",
             [&services](http::Request& request) { return embed_page(services, page, request); });
  routes.add(bhttp::verb::get, "/oembed",
             [&services](http::Request& request) { return oembed(services, request); });
}

}  // namespace nicecream::api
