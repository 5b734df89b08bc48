#include "push/push_notifier.hpp"

#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>

#include "domain/timestamp.hpp"

namespace nicecream::push {

std::string notification_payload(const domain::WatchMatch& match, std::string_view site_origin) {
  const auto& item = match.item;
  return boost::json::serialize(boost::json::value{
      {"title", item.song_title},
      {"song_id", item.song_id},
      {"channel_id", item.channel_id},
      {"channel_name", match.channel_name},
      {"played_at", domain::format_timestamp(item.created_at)},
      {"url", std::string(site_origin) + "/songs/" + std::to_string(item.song_id)},
      {"watch_id", match.watch_id},
  });
}

void PushNotifier::operator()(const std::vector<domain::WatchMatch>& matches) const {
  for (const auto& match : matches)
    sender_.enqueue(
        {.user_id = match.user_id, .payload = notification_payload(match, site_origin_)});
}

}  // namespace nicecream::push
