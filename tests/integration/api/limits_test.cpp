#include <thread>

#include "integration/api/server_fixture.hpp"

namespace nicecream::testing {
namespace {

class LimitsTest : public OnEachEngine<> {
 protected:
  void SetUp() override {
    start({{"API_MAX_STREAMS_PER_CLIENT", "2"},
           {"API_WRITE_RATE_PER_MINUTE", "2"},
           {"API_MAX_CONNECTIONS", "8"}});
  }
};

TEST_P(LimitsTest, EventStreamsPerClientAreCapped) {
  EventStreamClient first(server->port(), "/history/events");
  EventStreamClient second(server->port(), "/history/events");
  ASSERT_EQ(first.status(), 200);
  ASSERT_EQ(second.status(), 200);
  const auto third = client->get("/history/events");
  EXPECT_EQ(third.status, 429);
  EXPECT_EQ(third.header("retry-after"), "30");
  EXPECT_TRUE(third.json().as_object().contains("detail"));
}

TEST_P(LimitsTest, AStreamTheClientHungUpOnFreesItsPlaceAtOnce) {
  auto first = std::make_unique<EventStreamClient>(server->port(), "/history/events");
  EventStreamClient second(server->port(), "/history/events");
  ASSERT_EQ(first->status(), 200);
  ASSERT_EQ(second.status(), 200);
  first->close();  // as a browser does; the next heartbeat is 15 s away
  first.reset();
  int status = 0;
  for (int attempt = 0; attempt < 40 && status != 200; ++attempt) {
    std::this_thread::sleep_for(std::chrono::milliseconds{50});
    EventStreamClient again(server->port(), "/history/events");
    status = again.status();
  }
  EXPECT_EQ(status, 200) << "a hung-up stream still counted against the limit";
}

TEST_P(LimitsTest, WritesBeyondTheRateAre429WithRetryAfter) {
  for (int i = 0; i < 2; ++i)
    EXPECT_NE(client
                  ->request("POST", "/user/bookmarks", R"({"song_id":1})",
                            {{"Content-Type", "application/json"}})
                  .status,
              429);
  const auto limited = client->request("POST", "/user/bookmarks", R"({"song_id":1})",
                                       {{"Content-Type", "application/json"}});
  EXPECT_EQ(limited.status, 429);
  EXPECT_EQ(limited.header("retry-after"), "30");
  EXPECT_EQ(client->get("/history").status, 200) << "reads are not limited";
}

TEST_P(LimitsTest, ConnectionsBeyondTheCapAreClosedAndTheServerRecovers) {
  std::vector<std::unique_ptr<HttpClient>> idle;
  for (int i = 0; i < 7; ++i) idle.push_back(std::make_unique<HttpClient>(server->port()));
  std::this_thread::sleep_for(std::chrono::milliseconds{200});
  HttpClient refused(server->port());
  EXPECT_TRUE(refused.closed_by_server(std::chrono::seconds{2}));
  idle.clear();
  std::this_thread::sleep_for(std::chrono::milliseconds{300});
  HttpClient fresh(server->port());
  EXPECT_EQ(fresh.get("/channels").status, 200);
}

INSTANTIATE_TEST_SUITE_P(Engines, LimitsTest, both_engines(), engine_name);

}  // namespace
}  // namespace nicecream::testing
