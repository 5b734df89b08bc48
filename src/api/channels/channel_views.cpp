#include "api/channels/channel_views.hpp"

#include <map>

#include "api/common/json_views.hpp"

namespace nicecream::api {

boost::json::array channels_with_status(store::Store& store) {
  const auto channels = store.list_channels();
  std::map<domain::Id, domain::ChannelStatus> statuses;
  for (auto& status : store.list_channel_statuses()) statuses[status.channel_id] = status;
  boost::json::array array;
  array.reserve(channels.size());
  for (const auto& channel : channels) {
    domain::ChannelStatus pending;
    pending.channel_id = channel.id;
    auto found = statuses.find(channel.id);
    array.emplace_back(to_json(channel, found == statuses.end() ? pending : found->second));
  }
  return array;
}

domain::ChannelStatus current_status(store::Store& store, domain::Id channel_id) {
  for (auto& status : store.list_channel_statuses())
    if (status.channel_id == channel_id) return status;
  domain::ChannelStatus pending;
  pending.channel_id = channel_id;
  return pending;
}

boost::json::object channel_with_status(store::Store& store, const domain::Channel& channel) {
  return to_json(channel, current_status(store, channel.id));
}

}  // namespace nicecream::api
