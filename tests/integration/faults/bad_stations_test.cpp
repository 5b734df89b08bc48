// Stations that hang, trickle a byte at a time, send a body that never ends or redirect in a
// loop cost only their own channels: the others keep being recorded, each failure is logged, and
// the server's memory stays bounded however often the bad ones are retried.
#include <gtest/gtest.h>

#include <cstdlib>

#include "fault_settings.hpp"
#include "http_probe.hpp"
#include "prepared_store.hpp"
#include "process_probe.hpp"
#include "server/eventually.hpp"
#include "server/server_process.hpp"
#include "support/stations/station_emulator.hpp"

namespace nicecream::testing {
namespace {

using namespace std::chrono_literals;

// The station emulator's misbehaviours, by the channel that meets each.
const std::map<std::string, std::string> kBadModes = {
    {"hang", "hang"}, {"slow", "slow"}, {"endless", "oversized"}, {"loop", "redirect-loop"}};
const std::vector<std::string> kGood = {"good", "fine"};
constexpr int kRounds = 12;       // title changes on the good channels while the bad ones fail
constexpr int kRetrySeconds = 2;  // a failed channel is tried again this soon: met many times
// Generous, yet far below what reading an endless body without a cap would take.
constexpr std::int64_t kRssBoundKib = 50 * 1024;
// The emulator stops an "oversized" body after this many bytes in all (its own safety), after
// which that station merely answers nonsense; each fetch makes it write a few MB into the socket
// buffers before the crawler hangs up at its body cap.
constexpr std::int64_t kEmulatorBodyCap = 64 * 1024 * 1024;

// Under AddressSanitizer freed memory sits in a quarantine (256 MB by default) before reuse,
// which would look like growth; a small one keeps RSS meaningful. Other builds ignore this.
std::string small_asan_quarantine() {
  const char* inherited = std::getenv("ASAN_OPTIONS");
  return (inherited && *inherited ? std::string(inherited) + ":" : "") + "quarantine_size_mb=16";
}

std::string opening(const std::string& name) {
  return name + " - Opening Track";
}

// Every channel starts well (so the server is warm before the baseline is taken), then the bad
// ones turn bad.
class BadStations : public ::testing::Test {
 protected:
  void SetUp() override {
    std::vector<domain::NewChannel> channels;
    for (const auto& name : all_names()) {
      emulator_.set_title(name, opening(name));
      channels.push_back(voscast_channel(name, emulator_.url(name, "display.js")));
    }
    ids_ = prepare_sqlite(data_dir(), channels);
    server_ = ServerProcess::start_server(crawling_every_second(
        {{"NICECREAM_DATA_DIR", data_dir()}, {"ASAN_OPTIONS", small_asan_quarantine()}},
        kRetrySeconds));
    for (const auto& name : all_names())
      ASSERT_TRUE(eventually([&] { return titles(name).size() == 1; })) << server_->log();
  }

  static std::vector<std::string> all_names() {
    auto names = kGood;
    for (const auto& [name, mode] : kBadModes) names.push_back(name);
    return names;
  }
  std::string data_dir() const { return (root_.path() / "data").string(); }
  std::vector<std::string> titles(const std::string& name) {
    return titles_of(server_->port(), ids_.at(name));
  }
  std::int64_t requests(const std::string& name) { return emulator_.state(name).requests; }
  bool failure_logged(const std::string& name) {
    return contains(server_->log(), "crawler: channel " + name + ": ");
  }

  TempDir root_;
  StationEmulator emulator_;
  ChannelIds ids_;
  std::unique_ptr<ServerProcess> server_;
};

TEST_F(BadStations, TheOthersKeepRecordingEachFailureIsLoggedAndMemoryStaysBounded) {
  const auto pids = nicecream_children("serve");
  ASSERT_EQ(pids.size(), 1u);
  const auto rss_before = resident_kib(pids[0]);

  for (const auto& [name, mode] : kBadModes) {
    emulator_.set_title(name, name + " - Never Recorded");
    emulator_.set_mode(name, mode);
  }
  // A hang or a trickle fails only at the fetch timeout.
  for (const auto& [name, mode] : kBadModes)
    ASSERT_TRUE(eventually([&] { return failure_logged(name); }, 60s)) << name << server_->log();
  std::map<std::string, std::int64_t> met;
  for (const auto& [name, mode] : kBadModes) met[name] = requests(name);

  for (int round = 1; round <= kRounds; ++round) {
    for (const auto& name : kGood)
      emulator_.set_title(name, name + " - Round " + std::to_string(round));
    for (const auto& name : kGood)
      ASSERT_TRUE(eventually([&] { return titles(name).size() == 1u + round; }, 20s))
          << name << " round " << round << "\n"
          << server_->log();
  }
  // Each bad station failed again, and was tried once more, after its first failure.
  for (const auto& [name, mode] : kBadModes)
    EXPECT_TRUE(eventually([&] { return requests(name) >= met[name] + 2; }, 60s)) << name;

  const auto rss_after = resident_kib(pids[0]);
  EXPECT_LT(rss_after - rss_before, kRssBoundKib)
      << "RSS " << rss_before << " KiB -> " << rss_after << " KiB";
  for (const auto& name : kGood) {
    const auto recorded = titles(name);
    ASSERT_EQ(recorded.size(), 1u + kRounds) << name;
    EXPECT_EQ(recorded.back(), name + " - Round " + std::to_string(kRounds));
  }
  for (const auto& [name, mode] : kBadModes)
    EXPECT_EQ(titles(name), std::vector<std::string>{opening(name)}) << name;
  EXPECT_LT(emulator_.state("endless").bytes_sent, kEmulatorBodyCap)
      << "the endless body ran out during the test (the emulator caps it): retry less often";
  EXPECT_TRUE(server_->running());
}

}  // namespace
}  // namespace nicecream::testing
