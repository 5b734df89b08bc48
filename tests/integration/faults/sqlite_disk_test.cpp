// The SQLite store's disk fills up, or is read-only, under a running service: reads go on (or
// answer 503), recording fails without damage and resumes once there is room again, and the file
// passes PRAGMA integrity_check afterwards.
//
// The disk is a tmpfs of the test's own (so root is needed, as scripts/test runs). Making it
// read-only while serve runs is not possible: the kernel refuses to remount a filesystem
// read-only (EBUSY) while any process holds a file on it open for writing, and the store holds
// its database open. So the read-only case is a restart onto a read-only disk.
#include <gtest/gtest.h>
#include <signal.h>

#include "fault_settings.hpp"
#include "http_probe.hpp"
#include "prepared_store.hpp"
#include "server/eventually.hpp"
#include "server/server_process.hpp"
#include "sqlite_integrity.hpp"
#include "support/stations/station_emulator.hpp"
#include "tmpfs_mount.hpp"

namespace nicecream::testing {
namespace {

using namespace std::chrono_literals;

constexpr std::size_t kDiskBytes = 8 * 1024 * 1024;

class SqliteDisk : public ::testing::Test {
 protected:
  void SetUp() override {
    for (const auto* station : {"steady", "changing"})
      emulator_.set_title(station, opening(station));
    ids_ = prepare_sqlite(data_dir(),
                          {voscast_channel("steady", emulator_.url("steady", "display.js")),
                           voscast_channel("changing", emulator_.url("changing", "display.js"))});
  }

  void start_serving() {
    server_ = ServerProcess::start_server(
        crawling_every_second({{"NICECREAM_DATA_DIR", data_dir().string()}}));
    for (const auto* station : {"steady", "changing"})
      ASSERT_TRUE(eventually([&] { return !titles(station).empty(); })) << server_->log();
  }

  void stop_serving() {
    server_->signal(SIGTERM);
    EXPECT_EQ(server_->wait(30s), 0) << server_->log();
  }

  std::filesystem::path data_dir() const { return disk_.path() / "data"; }
  static std::string opening(const std::string& station) { return station + " - Opening Track"; }
  std::vector<std::string> titles(const std::string& station) {
    return titles_of(server_->port(), ids_.at(station));
  }
  bool polled_again(const std::string& station, std::int64_t more = 3) {
    const auto seen = emulator_.state(station).requests;
    return eventually([&] { return emulator_.state(station).requests >= seen + more; });
  }

  TmpfsMount disk_{kDiskBytes};  // first: it outlives the server that writes on it
  StationEmulator emulator_;
  ChannelIds ids_;
  std::unique_ptr<ServerProcess> server_;
};

TEST_F(SqliteDisk, AFullDiskStopsRecordingWithoutDamageAndRecordingResumesOnceThereIsRoom) {
  start_serving();
  const auto filler = disk_.path() / "filler";
  disk_.fill(filler);

  emulator_.set_title("changing", "changing - While The Disk Is Full");
  ASSERT_TRUE(eventually([&] { return contains(server_->log(), "crawler: store unavailable"); }))
      << server_->log();
  ASSERT_TRUE(polled_again("changing"));
  EXPECT_TRUE(server_->running());
  for (const auto* target : {"/channels", "/history?offset=1", "/history"}) {
    const auto answer = get_within(server_->port(), target);
    EXPECT_TRUE(answer.status == 200 || is_unavailable_answer(answer)) << target << ": " << answer;
  }
  const auto during = get_within(server_->port(), "/history?limit=10");
  if (during.status == 200) {
    EXPECT_FALSE(contains(during.body, "While The Disk Is Full")) << "nothing was recorded";
  }

  std::filesystem::remove(filler);
  ASSERT_TRUE(eventually([&] { return titles("changing").size() == 2; })) << server_->log();
  ASSERT_TRUE(polled_again("changing"));
  EXPECT_EQ(titles("changing"),
            (std::vector<std::string>{opening("changing"), "changing - While The Disk Is Full"}));
  EXPECT_EQ(titles("steady"), std::vector<std::string>{opening("steady")});

  stop_serving();
  EXPECT_EQ(integrity_check(data_dir()), "ok");
}

TEST_F(SqliteDisk, AReadOnlyDiskIsRefusedWithAClearMessageAndNothingIsLost) {
  start_serving();
  stop_serving();
  disk_.remount_read_only();

  ServerProcess refused({"serve"}, {{"NICECREAM_DATA_DIR", data_dir().string()},
                                    {"API_PORT", "0"},
                                    {"NICECREAM_CRAWLER", "false"}});
  EXPECT_EQ(refused.wait(30s), 4) << refused.log();
  EXPECT_TRUE(contains(refused.log(), "nicecream: database unavailable: ")) << refused.log();
  EXPECT_TRUE(contains(refused.log(), data_dir().string())) << "names the directory";

  disk_.remount_writable();
  EXPECT_EQ(integrity_check(data_dir()), "ok");
  start_serving();
  EXPECT_EQ(titles("changing"), std::vector<std::string>{opening("changing")});
}

}  // namespace
}  // namespace nicecream::testing
