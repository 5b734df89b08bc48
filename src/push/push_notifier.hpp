#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "domain/watch.hpp"
#include "push/push_sender.hpp"

namespace nicecream::push {

// What the service worker shows for a match (JSON): {title, song_id, channel_id, channel_name,
// played_at, url, watch_id}. `site_origin` ("https://example.org", or empty) makes the song
// page's link absolute; empty leaves it relative, resolved against the service worker's origin.
std::string notification_payload(const domain::WatchMatch& match, std::string_view site_origin);

// The recorder's listener for Web Push: turns each new match into a notification for its user
// and queues it; the sender's thread looks the user's browsers up. Never blocks.
class PushNotifier {
 public:
  PushNotifier(PushSender& sender, std::string site_origin)
      : sender_(sender), site_origin_(std::move(site_origin)) {}

  void operator()(const std::vector<domain::WatchMatch>& matches) const;

 private:
  PushSender& sender_;
  std::string site_origin_;
};

}  // namespace nicecream::push
