#pragma once

#include <string>
#include <string_view>

#include "api/settings.hpp"

namespace nicecream::api {

// A user's private watch feed: /feeds/watches/<token>.atom. The token is HMAC-SHA256 (the
// settings' key) of a random salt the store keeps, so the app can show the address again, while
// the store holds only the token's SHA-256 (a copy of the database opens no feed) and a new salt
// revokes the old address.
struct WatchFeedToken {
  std::string salt;
  std::string token;
  std::string hash;  // what the store looks the token up by
};

WatchFeedToken new_watch_feed_token(const Settings& settings);
WatchFeedToken watch_feed_token(const Settings& settings, std::string_view salt);
std::string watch_feed_token_hash(std::string_view token);

// The feed's absolute address (like the other feeds' links: from SPA_URL's origin).
std::string watch_feed_url(const Settings& settings, std::string_view token);

}  // namespace nicecream::api
