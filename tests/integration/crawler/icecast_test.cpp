// The crawler against a real Icecast 2 fed by ffmpeg: started by tests/support/icecast/start.sh,
// which prints the NICECREAM_TEST_ICECAST* exports this suite reads.
#include <curl/curl.h>

#include <cstdlib>
#include <map>

#include "crawler_fixture.hpp"

namespace nicecream::testing {
namespace {

std::string required_env(const char* name) {
  const char* value = std::getenv(name);
  if (value == nullptr || *value == '\0')
    throw std::runtime_error(std::string(name) +
                             " is not set: start Icecast first with "
                             "eval \"$(tests/support/icecast/start.sh)\"");
  return value;
}

class CrawlerOnIcecast : public CrawlerTest {
 protected:
  void SetUp() override {
    CrawlerTest::SetUp();
    base_ = required_env("NICECREAM_TEST_ICECAST");
    mount_ = required_env("NICECREAM_TEST_ICECAST_MOUNT");
    admin_ = required_env("NICECREAM_TEST_ICECAST_ADMIN");
  }

  // What a DJ's software does: Icecast's admin metadata update for the mount.
  void set_song(const std::string& song) {
    CURL* easy = curl_easy_init();
    char* escaped = curl_easy_escape(easy, song.c_str(), static_cast<int>(song.size()));
    const auto url =
        base_ + "/admin/metadata?mount=" + mount_ + "&mode=updinfo&charset=UTF-8&song=" + escaped;
    curl_free(escaped);
    curl_easy_setopt(easy, CURLOPT_URL, url.c_str());
    curl_easy_setopt(easy, CURLOPT_USERPWD, admin_.c_str());
    curl_easy_setopt(
        easy, CURLOPT_WRITEFUNCTION,
        +[](char*, std::size_t size, std::size_t count, void*) { return size * count; });
    curl_easy_setopt(easy, CURLOPT_TIMEOUT, 10L);
    const auto result = curl_easy_perform(easy);
    long status = 0;
    curl_easy_getinfo(easy, CURLINFO_RESPONSE_CODE, &status);
    curl_easy_cleanup(easy);
    ASSERT_EQ(result, CURLE_OK);
    ASSERT_EQ(status, 200);
  }

  std::string base_;
  std::string mount_;
  std::string admin_;
};

TEST_F(CrawlerOnIcecast, ReadsTitlesThroughStatusJsonAndInStreamMetadata) {
  settings_.request_timeout = std::chrono::seconds(5);
  ASSERT_NO_FATAL_FAILURE(set_song("Sigur R\u00f3s - Hopp\u00edpolla"));
  const auto status = add_channel("status", base_ + "/status-json.xsl#" + mount_);
  const auto stream = add_channel("stream", base_ + mount_, "icy");
  const auto detected = add_channel("detected", base_ + mount_);
  start_crawler();
  for (const auto& channel : {status, stream, detected})
    EXPECT_TRUE(eventually([&] {
      return has_title(channel.id, "Sigur R\u00f3s - Hopp\u00edpolla");
    })) << channel.name
        << ": " << ::testing::PrintToString(titles(channel.id))
        << ::testing::PrintToString(log_->lines());

  // Icecast updates its statistics a moment after the admin call, so a title left from an earlier
  // run may come first; from here on every change must be exactly one item.
  std::map<domain::Id, std::size_t> before;
  for (const auto& channel : {status, stream, detected})
    before[channel.id] = titles(channel.id).size();
  ASSERT_TRUE(published_all_recorded());
  const auto published_before = published().size();

  // Icecast turns what Latin-1 cannot hold into &#NN; in both places; the normaliser undoes it.
  ASSERT_NO_FATAL_FAILURE(set_song("Air & Friends - Moon \U0001F3B5"));
  for (const auto& channel : {status, stream, detected})
    EXPECT_TRUE(eventually([&] {
      return has_title(channel.id, "Air & Friends - Moon \U0001F3B5");
    })) << channel.name
        << ": " << ::testing::PrintToString(titles(channel.id));

  for (const auto& channel : {status, stream, detected})
    EXPECT_EQ(titles(channel.id).size(), before[channel.id] + 1) << channel.name;
  ASSERT_TRUE(published_all_recorded());
  EXPECT_EQ(published().size(), published_before + 3);
}

}  // namespace
}  // namespace nicecream::testing
