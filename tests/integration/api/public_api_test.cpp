#include <boost/json.hpp>

#include "integration/api/server_fixture.hpp"

namespace nicecream::testing {
namespace {

namespace json = boost::json;

// Every case runs on both engines: the API must not care which one holds the data.
class PublicApiTest : public OnEachEngine<> {
 protected:
  void SetUp() override { start(); }

  json::value detail_of(const std::string& target) {
    const auto response = client->get(target);
    EXPECT_EQ(response.status, 422) << target;
    EXPECT_EQ(response.header("content-type"), "application/json");
    return response.json().at("detail");
  }
};

TEST_P(PublicApiTest, ChannelsAreTheSeededThree) {
  const auto response = client->get("/channels");
  ASSERT_EQ(response.status, 200);
  EXPECT_EQ(response.header("content-type"), "application/json");
  const auto channels = response.json().as_array();
  ASSERT_EQ(channels.size(), 3u);
  EXPECT_EQ(channels[0].at("id").as_int64(), 1);
  EXPECT_EQ(channels[0].at("name").as_string(), "red");
  EXPECT_EQ(channels[1].at("name").as_string(), "green");
  EXPECT_EQ(channels[2].at("name").as_string(), "blue");
  EXPECT_NE(std::string(channels[2].at("url").as_string()).find("82f6aa25633d7d23d8370c68e1210a9c"),
            std::string::npos);
  EXPECT_EQ(channels[0].at("format").as_string(), "voscast");
}

TEST_P(PublicApiTest, HistoryIsNewestFirstFiftyAPage) {
  const auto last = seed_history(120);
  const auto page = client->get("/history").json().as_array();
  ASSERT_EQ(page.size(), 50u);
  EXPECT_EQ(page[0].at("id").as_int64(), last);
  for (std::size_t i = 1; i < page.size(); ++i)
    EXPECT_LT(page[i].at("id").as_int64(), page[i - 1].at("id").as_int64());
  const auto& first = page[0].as_object();
  for (const auto* field :
       {"id", "created_at", "song_id", "song_title", "channel_id", "bookmark_id"})
    EXPECT_TRUE(first.contains(field)) << field;
  EXPECT_EQ(first.at("bookmark_id").as_int64(), 0);
  EXPECT_TRUE(std::string(first.at("created_at").as_string()).ends_with("+00:00"));
}

TEST_P(PublicApiTest, OffsetAndKeysetPagesAgree) {
  seed_history(120);
  const auto by_offset = client->get("/history?offset=50").json().as_array();
  const auto first = client->get("/history").json().as_array();
  const auto before = first.back().at("id").as_int64();
  const auto by_keyset = client->get("/history?before=" + std::to_string(before)).json().as_array();
  EXPECT_EQ(by_offset, by_keyset);
  EXPECT_EQ(client->get("/history?offset=100").json().as_array().size(), 20u);
  EXPECT_EQ(client->get("/history?limit=7").json().as_array().size(), 7u);
  EXPECT_EQ(client->get("/history?limit=100").json().as_array().size(), 100u);
}

TEST_P(PublicApiTest, ChannelFilterAndAbsentMeaningAll) {
  seed_history(30);
  const auto green = client->get("/history?channel_id=2").json().as_array();
  ASSERT_EQ(green.size(), 10u);
  for (const auto& item : green) EXPECT_EQ(item.at("channel_id").as_int64(), 2);
  EXPECT_EQ(client->get("/history").json().as_array().size(), 30u);
  EXPECT_EQ(client->get("/history?channel_id=99").json().as_array().size(), 0u);
}

// The original validated channel_id with a minimum of 1: 0 is out of range, on every route that
// filters by channel.
TEST_P(PublicApiTest, ChannelZeroIs422) {
  for (const auto* target :
       {"/history?channel_id=0", "/history/events?channel_id=0", "/charts?channel_id=0"})
    EXPECT_EQ(json::serialize(detail_of(target)),
              R"({"query":{"channel_id":["Must be greater than or equal to 1."]}})")
        << target;
}

TEST_P(PublicApiTest, InvalidParametersAre422InTheContractsShape) {
  EXPECT_EQ(json::serialize(detail_of("/history?offset=-1")),
            R"({"query":{"offset":["Must be greater than or equal to 0."]}})");
  EXPECT_EQ(json::serialize(detail_of("/history?channel_id=-1")),
            R"({"query":{"channel_id":["Must be greater than or equal to 1."]}})");
  EXPECT_EQ(json::serialize(detail_of("/history?channel_id=abc")),
            R"({"query":{"channel_id":["Not a valid integer."]}})");
  EXPECT_EQ(json::serialize(detail_of("/history?offset=1e3")),
            R"({"query":{"offset":["Not a valid integer."]}})");
  EXPECT_EQ(
      json::serialize(detail_of("/history?limit=0")),
      R"({"query":{"limit":["Must be greater than or equal to 1 and less than or equal to 100."]}})");
  EXPECT_EQ(
      json::serialize(detail_of("/history?limit=101")),
      R"({"query":{"limit":["Must be greater than or equal to 1 and less than or equal to 100."]}})");
  EXPECT_EQ(json::serialize(detail_of("/history?before=0")),
            R"({"query":{"before":["Must be greater than or equal to 1."]}})");
  EXPECT_EQ(json::serialize(detail_of("/history?page=2")),
            R"({"query":{"page":["Unknown field."]}})");
  EXPECT_EQ(json::serialize(detail_of("/history?offset=99999999999999999999999")),
            R"({"query":{"offset":["Not a valid integer."]}})");
  EXPECT_EQ(client->get("/channels").status, 200) << "the server keeps serving";
}

TEST_P(PublicApiTest, UnknownPathIs404AndWrongMethodIs405WithAllow) {
  const auto missing = client->get("/nothing/here");
  EXPECT_EQ(missing.status, 404);
  EXPECT_EQ(missing.json().at("detail").as_string(), "Not Found");
  const auto wrong = client->request("DELETE", "/history");
  EXPECT_EQ(wrong.status, 405);
  EXPECT_EQ(wrong.header("allow"), "GET");
  EXPECT_TRUE(wrong.json().as_object().contains("detail"));
}

TEST_P(PublicApiTest, AnonymousReadsSetNoCookie) {
  for (const auto* target : {"/channels", "/history", "/openapi.json"})
    EXPECT_EQ(client->get(target).header("set-cookie"), "") << target;
}

TEST_P(PublicApiTest, WithoutCorsSettingsNoCorsHeaders) {
  const auto response = client->get("/channels", {{"Origin", "https://elsewhere.example"}});
  EXPECT_EQ(response.header("access-control-allow-origin"), "");
  EXPECT_EQ(client->request("OPTIONS", "/channels").status, 405);
}

TEST_P(PublicApiTest, OpenApiDocumentAndSwaggerUi) {
  const auto spec = client->get("/openapi.json");
  ASSERT_EQ(spec.status, 200);
  EXPECT_EQ(std::string(spec.json().at("openapi").as_string()).rfind("3.0", 0), 0u);
  const auto paths = spec.json().at("paths").as_object();
  for (const auto* path :
       {"/channels", "/history", "/history/events", "/user", "/user/sign_out", "/user/google",
        "/user/google/callback", "/user/bookmarks", "/user/bookmarks/{bookmark_id}"})
    EXPECT_TRUE(paths.contains(path)) << path;
  const auto docs = client->get("/docs");
  EXPECT_EQ(docs.status, 302);
  EXPECT_EQ(docs.header("location"), "/docs/");
}

TEST_P(PublicApiTest, ReplaysMissedItemsToAReconnectingStream) {
  const auto last = seed_history(5);
  EventStreamClient stream(server->port(), "/history/events",
                           {{"Last-Event-ID", std::to_string(last - 3)}});
  ASSERT_EQ(stream.status(), 200);
  for (auto expected = last - 2; expected <= last; ++expected) {
    const auto event = stream.next_event();
    ASSERT_TRUE(event);
    EXPECT_EQ(event->at("id"), std::to_string(expected));
    EXPECT_EQ(event->at("event"), "history");
    EXPECT_EQ(event->at("retry"), "3000");
    EXPECT_EQ(json::parse(event->at("data")).at("id").as_int64(), expected);
  }
  EXPECT_FALSE(stream.next_event(std::chrono::milliseconds{300})) << "nothing else";
}

TEST_P(PublicApiTest, StreamReplayHonoursTheChannelFilterAndQueryForm) {
  const auto last = seed_history(6);
  EventStreamClient stream(
      server->port(), "/history/events?channel_id=1&last_event_id=" + std::to_string(last - 6));
  for (int i = 0; i < 2; ++i) {
    const auto event = stream.next_event();
    ASSERT_TRUE(event);
    EXPECT_EQ(json::parse(event->at("data")).at("channel_id").as_int64(), 1);
  }
  EXPECT_FALSE(stream.next_event(std::chrono::milliseconds{300}));
}

TEST_P(PublicApiTest, StreamRejectsABadLastEventId) {
  const auto response = client->get("/history/events", {{"Last-Event-ID", "abc"}});
  EXPECT_EQ(response.status, 422);
  EXPECT_EQ(json::serialize(response.json().at("detail")),
            R"({"header":{"Last-Event-ID":["Not a valid integer."]}})");
}

TEST_P(PublicApiTest, SecurityHeadersOnEveryResponse) {
  for (const auto* target : {"/channels", "/history?offset=-1", "/nowhere", "/docs"}) {
    const auto response = client->get(target);
    EXPECT_EQ(response.header("x-content-type-options"), "nosniff") << target;
    EXPECT_EQ(response.header("x-frame-options"), "DENY") << target;
    EXPECT_EQ(response.header("referrer-policy"), "no-referrer") << target;
    EXPECT_NE(response.header("content-security-policy").find("frame-ancestors 'none'"),
              std::string::npos)
        << target;
    EXPECT_EQ(response.header("strict-transport-security"), "max-age=31536000") << target;
  }
}

INSTANTIATE_TEST_SUITE_P(Engines, PublicApiTest, both_engines(), engine_name);

class CorsTest : public OnEachEngine<> {
 protected:
  void SetUp() override {
    start({{"API_CORS_ALLOWED", "true"}, {"API_CORS_ORIGIN", "https://app.example"}});
  }
};

TEST_P(CorsTest, EveryResponseCarriesTheContractsHeaders) {
  for (const auto* target : {"/channels", "/history?offset=-1", "/nowhere"}) {
    const auto response = client->get(target, {{"Origin", "https://app.example"}});
    EXPECT_EQ(response.header("access-control-allow-origin"), "https://app.example") << target;
    EXPECT_EQ(response.header("access-control-allow-credentials"), "true");
    EXPECT_EQ(response.header("access-control-expose-headers"), "Content-Length");
  }
}

TEST_P(CorsTest, PreflightAnswersAnyPath) {
  const auto response = client->request(
      "OPTIONS", "/user/bookmarks", "",
      {{"Origin", "https://app.example"}, {"Access-Control-Request-Method", "POST"}});
  EXPECT_EQ(response.status, 204);
  EXPECT_EQ(response.header("access-control-allow-origin"), "https://app.example");
  EXPECT_EQ(response.header("access-control-allow-methods"), "OPTIONS,GET,POST,DELETE,PUT,PATCH");
  EXPECT_EQ(response.header("access-control-allow-headers"), "Content-Type,X-Csrf-Token");
  EXPECT_EQ(response.header("access-control-max-age"), "600");
  EXPECT_EQ(response.header("access-control-allow-credentials"), "true");
}

INSTANTIATE_TEST_SUITE_P(Engines, CorsTest, both_engines(), engine_name);

}  // namespace
}  // namespace nicecream::testing
