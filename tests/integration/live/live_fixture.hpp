#pragma once

#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <chrono>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "server/eventually.hpp"
#include "server/http_client.hpp"
#include "server/server_process.hpp"
#include "support/stations/station_emulator.hpp"

namespace nicecream::testing {

// A channel served by the station emulator: the station, which of its resources, read how.
struct EmulatedChannel {
  std::string name;
  std::string resource;
  std::string format;
  std::string title_pointer;
};

// The part of a history item (from /history or an SSE event) the live tests compare.
struct LiveItem {
  std::int64_t id = 0;
  std::int64_t channel_id = 0;
  std::string song_title;
  bool operator==(const LiveItem&) const = default;
};

inline LiveItem live_item(const boost::json::value& json) {
  const auto& item = json.as_object();
  return {item.at("id").as_int64(), item.at("channel_id").as_int64(),
          std::string(item.at("song_title").as_string())};
}

inline std::ostream& operator<<(std::ostream& out, const LiveItem& item) {
  return out << "{" << item.id << ", channel " << item.channel_id << ", \"" << item.song_title
             << "\"}";
}

// Waits for events up to the crawl interval's pace; generous so a busy machine never fails it.
constexpr auto kEventWait = std::chrono::seconds{15};

// The real `nicecream serve` with its crawler polling the station emulator every second. Only
// loopback channels exist when the crawler starts: the seeded ones (a public host) are removed
// from the data directory beforehand, and that is checked before serve runs.
class LiveTest : public ::testing::Test {
 protected:
  // One channel per format the contract names (voscast) and the ones we add.
  static std::vector<EmulatedChannel> three_formats() {
    return {{"red", "display.js", "voscast", ""},
            {"green", "stats", "shoutcast2", ""},
            {"blue", "nowplaying", "json", "/now_playing/song/text"}};
  }

  static std::string opening_title(const std::string& station) {
    return station + " Artist - Opening Track";
  }

  // Each station starts on opening_title(); returns once every channel has recorded it.
  void start(const std::vector<EmulatedChannel>& channels = three_formats(),
             const std::map<std::string, std::string>& extra_env = {}) {
    channels_ = channels;
    std::map<std::string, std::string> env = {
        {"NICECREAM_DATA_DIR", (data_root_.path() / "data").string()}};
    for (const auto& channel : channels)
      emulator_.set_title(channel.name, opening_title(channel.name));
    prepare_channels(env);
    env["NICECREAM_CRAWLER"] = "true";
    env["API_CRAWLER_INTERVAL"] = "1";
    env["API_CRAWLER_BACKOFF_INTERVAL"] = "3600";  // a failed channel stays quiet for the test
    for (const auto& [name, value] : extra_env) env[name] = value;
    server = ServerProcess::start_server(env);
    client = std::make_unique<HttpClient>(server->port());
    const auto channels_json = client->get("/channels").json();
    for (const auto& channel : channels_json.as_array())
      channel_ids_[std::string(channel.at("name").as_string())] = channel.at("id").as_int64();
    for (const auto& channel : channels)
      ASSERT_TRUE(eventually([&] {
        return latest_title(channel.name) == opening_title(channel.name);
      })) << channel.name
          << " never recorded its opening title\n"
          << server->log();
  }

  std::int64_t channel_id(const std::string& name) const { return channel_ids_.at(name); }

  // Every history item of the server, oldest first (tests stay under one page of 100).
  std::vector<LiveItem> history(const std::string& query = "") {
    const auto response = client->get("/history?limit=100" + query);
    if (response.status != 200) throw std::runtime_error("GET /history: " + response.body);
    const auto page = response.json();
    std::vector<LiveItem> items;
    for (const auto& item : page.as_array()) items.insert(items.begin(), live_item(item));
    return items;
  }

  std::vector<std::string> titles(const std::string& station) {
    std::vector<std::string> found;
    for (const auto& item : history("&channel_id=" + std::to_string(channel_id(station))))
      found.push_back(item.song_title);
    return found;
  }

  std::string latest_title(const std::string& station) {
    const auto all = titles(station);
    return all.empty() ? "" : all.back();
  }

  std::int64_t latest_id() {
    const auto all = history();
    return all.empty() ? 0 : all.back().id;
  }

  // Waits until the crawler has asked the station `more` more times than now: proof that it
  // polled again after whatever the test just did.
  bool polled_again(const std::string& station, std::int64_t more = 3) {
    const auto seen = emulator_.state(station).requests;
    return eventually([&] { return emulator_.state(station).requests >= seen + more; });
  }

  // The next history event of the stream, checked for the SSE fields every event carries.
  static std::optional<LiveItem> next_item(EventStreamClient& stream,
                                           std::chrono::milliseconds timeout = kEventWait) {
    auto event = stream.next_event(timeout);
    // Station health's `channel` events share the stream; these tests follow history items.
    while (event && event->count("event") && event->at("event") == "channel")
      event = stream.next_event(timeout);
    if (!event) return std::nullopt;
    EXPECT_EQ(event->count("event") ? event->at("event") : "", "history");
    auto item = live_item(boost::json::parse(event->at("data")));
    EXPECT_EQ(event->count("id") ? event->at("id") : "", std::to_string(item.id));
    return item;
  }

  // Every event that arrives before `quiet` passes without one.
  static std::vector<LiveItem> drain(EventStreamClient& stream, std::chrono::milliseconds quiet) {
    std::vector<LiveItem> items;
    while (auto item = next_item(stream, quiet)) items.push_back(*item);
    return items;
  }

  std::string stream_url(const std::string& query = "") const { return "/history/events" + query; }

  TempDir data_root_;  // declared first: it goes last, after the server that writes in it
  StationEmulator emulator_;
  std::unique_ptr<ServerProcess> server;
  std::unique_ptr<HttpClient> client;

 private:
  // A fresh data directory holding `channels_` only.
  void prepare_channels(const std::map<std::string, std::string>& env) {
    for (const auto* seeded : {"1", "2", "3"}) run_or_throw({"channels", "remove", seeded}, env);
    for (const auto& channel : channels_) {
      std::vector<std::string> add = {"channels",   "add",
                                      channel.name, emulator_.url(channel.name, channel.resource),
                                      "--format",   channel.format};
      if (!channel.title_pointer.empty())
        add.insert(add.end(), {"--title-pointer", channel.title_pointer});
      run_or_throw(add, env);
    }
    const auto listed = run_or_throw({"channels", "list"}, env);
    std::size_t lines = 0;
    for (std::size_t at = 0, end = 0; at < listed.size(); at = end + 1, ++lines) {
      end = listed.find('\n', at);
      if (end == std::string::npos) end = listed.size();
      if (listed.find(" http://127.0.0.1:", at) > end)
        throw std::runtime_error("a channel that is not on loopback:\n" + listed);
    }
    if (lines != channels_.size()) throw std::runtime_error("unexpected channels:\n" + listed);
  }

  static std::string run_or_throw(const std::vector<std::string>& args,
                                  const std::map<std::string, std::string>& env) {
    const auto result = run_nicecream(args, env);
    if (result.exit_code != 0)
      throw std::runtime_error("nicecream " + args[0] + " " + args[1] + " failed:\n" +
                               result.output);
    return result.output;
  }

  std::vector<EmulatedChannel> channels_;
  std::map<std::string, std::int64_t> channel_ids_;
};

}  // namespace nicecream::testing
