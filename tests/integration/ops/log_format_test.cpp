// API_LOG_FORMAT=json: every line the binary writes to its log is one JSON object with time,
// level and message, and the request lines carry the request's fields.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <sstream>

#include "server/http_client.hpp"
#include "server/server_process.hpp"

namespace nicecream::testing {
namespace {

std::vector<boost::json::object> log_objects(const std::string& log) {
  std::vector<boost::json::object> objects;
  std::istringstream lines(log);
  std::string line;
  while (std::getline(lines, line)) {
    if (line.empty()) continue;
    boost::system::error_code error;
    auto value = boost::json::parse(line, error);
    EXPECT_FALSE(error) << "not JSON: " << line;
    EXPECT_TRUE(!error && value.is_object()) << "not an object: " << line;
    if (!error && value.is_object()) objects.push_back(value.as_object());
  }
  return objects;
}

TEST(JsonLogs, EveryLineIsAnObjectAndRequestsCarryTheirFields) {
  auto server = ServerProcess::start_server({{"API_LOG_FORMAT", "json"}});
  HttpClient client(server->port());
  ASSERT_EQ(client.get("/songs/1?x=1").status, 422);
  ASSERT_EQ(client.get("/bad\"target").status, 400);  // a quote to escape
  ASSERT_TRUE(server->log_contains("\"route\":\"/songs/{song_id:int}\"")) << server->log();

  const auto objects = log_objects(server->log());
  ASSERT_FALSE(objects.empty());
  for (const auto& object : objects) {
    EXPECT_TRUE(object.contains("time") && object.at("time").is_string()) << object;
    EXPECT_TRUE(object.contains("level") && object.at("level").is_string()) << object;
    EXPECT_TRUE(object.contains("message") && object.at("message").is_string()) << object;
  }
  const auto listening = std::find_if(objects.begin(), objects.end(), [](const auto& object) {
    return object.at("message").as_string().starts_with("listening on http://127.0.0.1:");
  });
  EXPECT_NE(listening, objects.end());
  const auto request = std::find_if(objects.begin(), objects.end(), [](const auto& object) {
    return object.contains("route") && object.at("route") == "/songs/{song_id:int}";
  });
  ASSERT_NE(request, objects.end()) << server->log();
  EXPECT_EQ(request->at("level"), "info");
  EXPECT_EQ(request->at("method"), "GET");
  EXPECT_EQ(request->at("target"), "/songs/1?x=1");
  EXPECT_EQ(request->at("status"), 422);
  EXPECT_TRUE(request->at("duration_us").is_int64()) << *request;
  EXPECT_EQ(request->at("client"), "127.0.0.1");
  const auto bad = std::find_if(objects.begin(), objects.end(), [](const auto& object) {
    return object.contains("target") && object.at("target") == "/bad\"target";
  });
  ASSERT_NE(bad, objects.end()) << server->log();
  EXPECT_EQ(bad->at("route"), "other");
  EXPECT_EQ(bad->at("status"), 400);
}

TEST(JsonLogs, AnUnknownFormatIsAConfigurationError) {
  const auto result = run_nicecream({"serve"}, {{"API_LOG_FORMAT", "xml"}});
  EXPECT_EQ(result.exit_code, 2) << result.output;
  EXPECT_NE(result.output.find("API_LOG_FORMAT"), std::string::npos) << result.output;
}

}  // namespace
}  // namespace nicecream::testing
