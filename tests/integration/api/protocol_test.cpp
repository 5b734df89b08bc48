#include <signal.h>

#include <thread>

#include "integration/api/server_fixture.hpp"

namespace nicecream::testing {
namespace {

class ProtocolTest : public OnEachEngine<> {
 protected:
  void SetUp() override { start({{"API_MAX_BODY_BYTES", "1024"}, {"API_IDLE_TIMEOUT", "2"}}); }

  // Answers a raw request on a fresh connection, then proves the server still serves.
  int status_of_raw(const std::string& bytes) {
    HttpClient raw(server->port());
    const auto response = raw.send_raw(bytes);
    EXPECT_EQ(HttpClient(server->port()).get("/channels").status, 200);
    if (!response) return 0;
    EXPECT_EQ(response->header("content-type"), "application/json");
    return response->status;
  }
};

TEST_P(ProtocolTest, KeepAliveServesManyRequestsOnOneConnection) {
  for (int i = 0; i < 20; ++i) EXPECT_EQ(client->get("/channels").status, 200);
  EXPECT_FALSE(client->closed_by_server(std::chrono::milliseconds{100}));
}

TEST_P(ProtocolTest, PipelinedRequestsAreAnsweredInOrder) {
  const std::string get = "GET /channels HTTP/1.1\r\nHost: x\r\n\r\n";
  const std::string bad = "GET /history?offset=-1 HTTP/1.1\r\nHost: x\r\n\r\n";
  const auto first = client->send_raw(get + bad + get);
  ASSERT_TRUE(first);
  EXPECT_EQ(first->status, 200);
  EXPECT_EQ(client->read_response()->status, 422);
  EXPECT_EQ(client->read_response()->status, 200);
}

TEST_P(ProtocolTest, MalformedRequestLineIs400) {
  EXPECT_EQ(status_of_raw("HELLO\r\n\r\n"), 400);
  EXPECT_EQ(status_of_raw("GET /channels HTTP/9.9\r\n\r\n"), 400);
}

TEST_P(ProtocolTest, OversizedHeaderIs431) {
  EXPECT_EQ(
      status_of_raw("GET /channels HTTP/1.1\r\nX-Big: " + std::string(20000, 'a') + "\r\n\r\n"),
      431);
}

TEST_P(ProtocolTest, OversizedBodyIs413) {
  const std::string body(2048, 'x');
  EXPECT_EQ(status_of_raw("POST /user/bookmarks HTTP/1.1\r\nHost: x\r\nContent-Length: " +
                          std::to_string(body.size()) + "\r\n\r\n" + body),
            413);
}

TEST_P(ProtocolTest, BadPercentEncodingIs400) {
  EXPECT_EQ(status_of_raw("GET /history?offset=%zz HTTP/1.1\r\nHost: x\r\n\r\n"), 400);
}

TEST_P(ProtocolTest, IdleConnectionsAreClosed) {
  EXPECT_TRUE(client->closed_by_server(std::chrono::seconds{5}));
}

TEST_P(ProtocolTest, ConnectionCloseIsHonoured) {
  const auto response = client->get("/channels", {{"Connection", "close"}});
  EXPECT_EQ(response.status, 200);
  EXPECT_TRUE(client->closed_by_server());
}

TEST_P(ProtocolTest, ShutdownFinishesTheRequestInFlight) {
  // Half a request has arrived when the signal comes; its answer must still be sent.
  HttpClient slow(server->port());
  const std::string body = R"({"song_id": 1})";
  slow.write_raw("POST /history HTTP/1.1\r\nHost: x\r\nContent-Length: " +
                 std::to_string(body.size()) + "\r\n\r\n" + body.substr(0, 5));
  std::this_thread::sleep_for(std::chrono::milliseconds{300});
  server->signal(SIGTERM);
  std::this_thread::sleep_for(std::chrono::milliseconds{300});
  EXPECT_TRUE(server->running()) << "it waits for the request in flight";
  slow.write_raw(body.substr(5));
  const auto response = slow.read_response();
  ASSERT_TRUE(response);
  EXPECT_EQ(response->status, 405);
  EXPECT_EQ(response->header("connection"), "close");
  EXPECT_EQ(server->wait(), 0) << server->log();
}

TEST_P(ProtocolTest, ShutdownClosesIdleConnectionsAndStopsAccepting) {
  ASSERT_EQ(client->get("/channels").status, 200);
  server->signal(SIGTERM);
  EXPECT_TRUE(client->closed_by_server(std::chrono::seconds{3}));
  EXPECT_EQ(server->wait(), 0) << server->log();
}

TEST_P(ProtocolTest, ShutdownEndsOpenStreamsCleanly) {
  EventStreamClient stream(server->port(), "/history/events");
  ASSERT_EQ(stream.status(), 200);
  server->signal(SIGINT);
  EXPECT_TRUE(stream.ended());
  EXPECT_EQ(server->wait(std::chrono::seconds{5}), 0) << server->log();
}

INSTANTIATE_TEST_SUITE_P(Engines, ProtocolTest, both_engines(), engine_name);

}  // namespace
}  // namespace nicecream::testing
