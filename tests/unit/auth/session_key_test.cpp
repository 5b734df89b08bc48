#include "auth/session_key.hpp"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <future>
#include <vector>

#include "auth/fernet.hpp"
#include "auth/random.hpp"

namespace nicecream::auth {
namespace {

namespace fs = std::filesystem;
using std::chrono::seconds;

class SessionKeyFile : public ::testing::Test {
 protected:
  void SetUp() override {
    directory = fs::temp_directory_path() / ("nicecream-session-key-" + random_url_token(8));
  }
  void TearDown() override { fs::remove_all(directory); }

  // Two keys are the same when one opens the other's tokens.
  static bool same_key(const FernetKey& a, const FernetKey& b) {
    const auto now = domain::now();
    return Fernet(b).decrypt(Fernet(a).encrypt("probe", now), seconds(5), now).has_value();
  }

  fs::path directory;
};

TEST_F(SessionKeyFile, CreatesAPrivateKeyFileOnceAndKeepsIt) {
  const auto path = directory / "data" / "session.key";
  const auto first = load_or_create_session_key(path);
  ASSERT_TRUE(fs::exists(path));
  struct stat info {};
  ASSERT_EQ(::stat(path.c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 0777, 0600);
  const auto second = load_or_create_session_key(path);
  EXPECT_TRUE(same_key(first, second));
  EXPECT_TRUE(same_key(first, resolve_session_key("", directory / "data")));
}

TEST_F(SessionKeyFile, ProcessesStartingTogetherAgreeOnOneKey) {
  const auto path = directory / "session.key";
  std::vector<std::future<FernetKey>> starts;
  for (int i = 0; i < 8; ++i) {
    starts.push_back(
        std::async(std::launch::async, [&] { return load_or_create_session_key(path); }));
  }
  std::vector<FernetKey> keys;
  for (auto& start : starts) {
    keys.push_back(start.get());
  }
  for (const auto& key : keys) {
    EXPECT_TRUE(same_key(keys.front(), key));
  }
  EXPECT_EQ(std::distance(fs::directory_iterator(directory), fs::directory_iterator{}), 1)
      << "temporary files left behind";
}

TEST_F(SessionKeyFile, ReadsAKeyWrittenByHand) {
  fs::create_directories(directory);
  const auto text = generate_fernet_key();
  std::ofstream(directory / "session.key") << "  " << text << "\n\n";
  EXPECT_TRUE(
      same_key(load_or_create_session_key(directory / "session.key"), parse_fernet_key(text)));
}

TEST_F(SessionKeyFile, ExplainsAFileThatHoldsNoKey) {
  fs::create_directories(directory);
  const auto path = directory / "session.key";
  std::ofstream(path) << "not a key";
  try {
    load_or_create_session_key(path);
    FAIL() << "accepted a file without a key";
  } catch (const FernetKeyError& error) {
    EXPECT_NE(std::string(error.what()).find(path.string()), std::string::npos) << error.what();
  }
}

TEST_F(SessionKeyFile, ReportsAnUnwritableDirectory) {
  fs::create_directories(directory);
  std::ofstream(directory / "file") << "x";
  EXPECT_THROW(load_or_create_session_key(directory / "file" / "session.key"), SessionKeyError);
}

TEST(ResolveSessionKey, PrefersTheConfiguredSecret) {
  const auto text = generate_fernet_key();
  const auto key = resolve_session_key(text, "/nonexistent/never/written");
  const auto now = domain::now();
  EXPECT_TRUE(
      Fernet(parse_fernet_key(text)).decrypt(Fernet(key).encrypt("x", now), seconds(5), now));
  EXPECT_FALSE(fs::exists("/nonexistent/never/written"));
}

TEST(ResolveSessionKey, RejectsAMalformedConfiguredSecret) {
  EXPECT_THROW(resolve_session_key("changeme", "/nonexistent"), FernetKeyError);
}

}  // namespace
}  // namespace nicecream::auth
