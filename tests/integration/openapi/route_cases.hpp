#pragma once

#include <map>
#include <string>
#include <vector>

namespace nicecream::testing {

// One request to the real server and the status the contract gives it; its response must then
// match docs/openapi.json. The server holds kSeededItems history items (ids 1..kSeededItems).
struct RouteCase {
  std::string method;
  std::string target;
  int status = 0;
  std::map<std::string, std::string> headers = {};
  std::string body = "";
};

inline constexpr int kSeededItems = 60;

// Every described route the server implements, with its success and its error answers.
// Streams are not here: their body never ends (see the live stream test).
inline const std::vector<RouteCase> kRouteCases{
    {"GET", "/channels", 200},
    {"GET", "/channels/1/outages", 200},
    {"GET", "/channels/1/outages?from=2026-12-04T17:00:00Z&to=2026-12-05T17:00:00Z&limit=5", 200},
    {"GET", "/channels/99999/outages", 404},
    {"GET", "/channels/0/outages", 422},
    {"GET", "/channels/1/outages?from=yesterday", 422},
    {"GET", "/history?gaps=true", 200},
    {"GET", "/history?gaps=true&channel_id=2&before=10&limit=5", 200},
    {"GET", "/history?gaps=true&offset=5", 422},
    {"GET", "/history?gaps=maybe", 422},

    {"GET", "/history", 200},
    {"GET", "/history?channel_id=0", 422},
    {"GET", "/history?channel_id=2&offset=3&limit=5", 200},
    {"GET", "/history?before=10&limit=100", 200},
    {"GET", "/history?offset=1000", 200},
    {"GET", "/history?offset=-1", 422},
    {"GET", "/history?limit=0", 422},
    {"GET", "/history?limit=101", 422},
    {"GET", "/history?before=0", 422},
    {"GET", "/history?channel_id=abc", 422},
    {"GET", "/history?offset=1.5", 422},
    {"GET", "/history?page=2", 422},
    {"GET", "/history?q=artist", 200},
    {"GET", "/history?q=artist%201&channel_id=2&limit=5", 200},
    {"GET", "/history?q=%22artist%22%20OR%20*%20-(song)%5E%20NEAR", 200},
    {"GET", "/history?from=2000-01-01T00:00:00Z&to=2100-01-01T01:00:00%2B01:00", 200},
    {"GET", "/history?channel_id=1&to=2100-01-01T00:00:00Z&limit=1", 200},
    {"GET", "/history?song_id=1", 200},
    {"GET", "/history?artist_id=1&channel_id=2&limit=5", 200},
    {"GET", "/history?artist_id=0", 422},
    {"GET", "/history?q=", 422},
    {"GET", "/history?q=%FF", 422},
    {"GET", "/history?from=yesterday", 422},
    {"GET", "/history?to=1969-12-31T23:59:59Z", 422},
    {"GET", "/history?from=2026-12-04T17:00:00Z&to=2026-12-04T17:00:00Z", 422},
    {"GET", "/history?song_id=0", 422},

    {"GET", "/songs", 200},
    {"GET", "/songs?q=artist&offset=1&limit=5", 200},
    {"GET", "/songs?q=", 422},
    {"GET", "/songs?before=1", 422},
    {"GET", "/songs/1", 200},
    {"GET", "/songs/999999", 404},
    {"GET", "/songs/0", 422},
    {"GET", "/songs/abc", 422},
    {"GET", "/songs/1/stats", 200},
    {"GET", "/songs/1/stats?tz=Asia/Kathmandu&days=30", 200},
    {"GET", "/songs/1/stats?tz=Mars/Olympus", 422},
    {"GET", "/songs/1/stats?days=3651", 422},
    {"GET", "/songs/999999/stats", 404},

    {"GET", "/artists", 200},
    {"GET", "/artists?q=artist&limit=5", 200},
    {"GET", "/artists?limit=0", 422},
    {"GET", "/artists/1", 200},
    {"GET", "/artists/999999", 404},
    {"GET", "/artists/0", 422},
    {"GET", "/artists/1/stats", 200},
    {"GET", "/artists/1/stats?tz=Europe/Berlin&days=30", 200},
    {"GET", "/artists/1/stats?tz=Mars/Olympus", 422},
    {"GET", "/artists/999999/stats", 404},

    {"GET", "/charts", 200},
    {"GET", "/charts?by=artist&channel_id=1&limit=5", 200},
    {"GET", "/charts?from=2020-01-01T00:00:00Z&to=2029-01-01T00:00:00Z", 200},
    {"GET", "/charts?from=2000-01-01T00:00:00Z&to=2100-01-01T00:00:00Z", 422},
    {"GET", "/charts?by=album", 422},
    {"GET", "/charts?limit=101", 422},
    {"GET", "/charts?to=2000-01-01T00:00:00Z&from=2001-01-01T00:00:00Z", 422},

    {"GET", "/history/events?channel_id=-1", 422},
    {"GET", "/history/events?last_event_id=x", 422},
    {"GET", "/history/events", 422, {{"Last-Event-ID", "abc"}}},

    // Signed out (the signed-in answers are checked by tests/integration/auth).
    {"GET", "/user", 401},
    {"GET", "/user/sign_out", 401},
    {"GET", "/user/google", 503},
    {"GET", "/user/google/callback?code=a&state=b", 302},
    {"GET", "/user/bookmarks", 401},
    {"POST", "/user/bookmarks", 401, {{"Content-Type", "application/json"}}, R"({"song_id": 1})"},
    {"DELETE", "/user/bookmarks/1", 401},
    {"DELETE", "/user/bookmarks/abc", 422},
    // Web Push: the conformance server sets no API_VAPID_SUBJECT (the key's 200 and the signed-in
    // answers are tests/integration/push's).
    {"GET", "/push/vapid-public-key", 503},
    {"POST",
     "/user/push-subscriptions",
     401,
     {{"Content-Type", "application/json"}},
     R"({"endpoint": "https://push.example/1", "keys": {"p256dh": "x", "auth": "y"}})"},
    {"DELETE",
     "/user/push-subscriptions",
     401,
     {{"Content-Type", "application/json"}},
     R"({"endpoint": "https://push.example/1"})"},
    // Watches: the signed-in answers are tests/integration/watches'.
    {"GET", "/user/watches", 401},
    {"POST",
     "/user/watches",
     401,
     {{"Content-Type", "application/json"}},
     R"({"kind": "artist", "value": "Beyonce"})"},
    {"DELETE", "/user/watches/1", 401},
    {"DELETE", "/user/watches/abc", 422},
    {"POST", "/user/watches/feed-token", 401},
    {"GET", "/feeds/watches/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.atom", 404},
    {"GET", "/feeds/watches/not-a-feed", 404},
    // The admin routes' signed-in answers are tests/integration/admin's.
    {"POST",
     "/channels",
     401,
     {{"Content-Type", "application/json"}},
     R"({"name": "x", "url": "http://x.example/"})"},
    {"PATCH", "/channels/1", 401, {{"Content-Type", "application/json"}}, R"({"paused": true})"},
    {"DELETE", "/channels/1", 401},
    {"POST",
     "/channels/probe",
     401,
     {{"Content-Type", "application/json"}},
     R"({"url": "http://x.example/"})"},

    {"GET", "/openapi.json", 200},
    {"GET", "/docs", 302},  // to /docs/, an HTML page and no operation (RedirectsSayWhere)

    {"GET", "/metrics", 200},  // the token's 401 is tests/integration/ops/metrics_test.cpp's
    {"GET", "/healthz", 200},
    {"GET", "/readyz", 200},  // its 503 is tests/integration/ops/health_test.cpp's

    {"GET", "/history/export?format=csv", 200},
    {"GET", "/history/export?format=ndjson&channel_id=2&q=artist", 200},
    {"GET", "/history/export", 422},
    {"GET", "/history/export?format=xml", 422},
    {"GET", "/history/feed.atom?q=artist", 200},
    {"GET", "/history/feed.atom?q=artist&artist_id=1", 200},
    {"GET", "/history/export?format=csv&artist_id=1", 200},
    {"GET", "/history/feed.atom", 422},
    {"GET", "/channels/1/feed.atom", 200},
    {"GET", "/channels/99999/feed.atom", 404},
    {"GET", "/songs/1/feed.atom", 200},
    {"GET", "/songs/99999/feed.atom", 404},
    {"GET", "/user/bookmarks/export?format=csv", 401},

    {"GET", "/embed/channels/1", 200},
    {"GET", "/embed/channels/1?theme=dark", 200},
    {"GET", "/embed/channels/99999", 404},
    {"GET", "/embed/channels/1?theme=neon", 422},
    // The URL must name the host the request was sent to.
    {"GET", "/oembed?url=http://radio.example/embed/channels/1", 200, {{"Host", "radio.example"}}},
    {"GET",
     "/oembed?url=http://radio.example/?channel=2&maxwidth=200",
     200,
     {{"Host", "radio.example"}}},
    {"GET", "/oembed?url=http://elsewhere.example/embed/channels/1", 404},
    {"GET",
     "/oembed?url=http://radio.example/embed/channels/1&format=xml",
     501,
     {{"Host", "radio.example"}}},
    {"GET", "/oembed", 422},
};

}  // namespace nicecream::testing
