#include "api/watches/watch_feed.hpp"

#include "api/feeds/feed_links.hpp"
#include "auth/base64.hpp"
#include "auth/digest.hpp"
#include "auth/random.hpp"

namespace nicecream::api {

namespace {

constexpr std::size_t kSaltBytes = 16;

}  // namespace

WatchFeedToken watch_feed_token(const Settings& settings, std::string_view salt) {
  auto token = auth::encode_base64url(
      auth::hmac_sha256(settings.watch_feed_key, "nicecream watch feed " + std::string(salt)),
      auth::Padding::without);
  auto hash = watch_feed_token_hash(token);
  return {std::string(salt), std::move(token), std::move(hash)};
}

WatchFeedToken new_watch_feed_token(const Settings& settings) {
  return watch_feed_token(settings, auth::random_url_token(kSaltBytes));
}

std::string watch_feed_token_hash(std::string_view token) {
  return auth::encode_base64url(auth::sha256(token), auth::Padding::without);
}

std::string watch_feed_url(const Settings& settings, std::string_view token) {
  return absolute_link(settings, "/feeds/watches/" + std::string(token) + ".atom");
}

}  // namespace nicecream::api
