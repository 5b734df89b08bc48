// Stations on loopback (as the emulator is) are refused unless private targets are allowed: by
// number or by a name that resolves there, before any byte is sent.
#include "crawler_fixture.hpp"

namespace nicecream::testing {
namespace {

class PrivateTargets : public CrawlerTest {
 protected:
  void SetUp() override {
    CrawlerTest::SetUp();
    settings_.allow_private_targets = false;
    settings_.backoff_interval = std::chrono::milliseconds(200);
  }
};

TEST_F(PrivateTargets, LoopbackStationsAreRefusedNamingTheSetting) {
  emulator_.set_title("numeric", "Never - Recorded");
  emulator_.set_title("named", "Never - Recorded");
  const auto numeric = add_channel("numeric", emulator_.url("numeric", "currentsong"));
  auto by_name = emulator_.url("named", "currentsong");
  by_name.replace(by_name.find("127.0.0.1"), 9, "localhost");
  const auto named = add_channel("named", by_name);
  start_crawler();
  ASSERT_TRUE(eventually([&] {
    return log_->count(
               "channel numeric: refused private address 127.0.0.1 (set "
               "NICECREAM_ALLOW_PRIVATE_TARGETS=true to allow)") == 1 &&
           log_->count("channel named: refused private address ") == 1;
  })) << ::testing::PrintToString(log_->lines());
  stop_crawler();
  EXPECT_EQ(emulator_.state("numeric").requests, 0);
  EXPECT_EQ(emulator_.state("named").requests, 0);
  EXPECT_TRUE(titles(numeric.id).empty());
  EXPECT_TRUE(titles(named.id).empty());
}

TEST_F(PrivateTargets, AllowedTheyAreRecorded) {
  settings_.allow_private_targets = true;
  emulator_.set_title("home", "Home - Network");
  const auto home = add_channel("home", emulator_.url("home", "currentsong"));
  start_crawler();
  EXPECT_TRUE(eventually([&] { return has_title(home.id, "Home - Network"); }));
}

}  // namespace
}  // namespace nicecream::testing
