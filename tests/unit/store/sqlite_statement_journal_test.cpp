#include <gtest/gtest.h>
#include <sys/inotify.h>
#include <unistd.h>

#include <cstdlib>
#include <string>

#include "domain/models.hpp"
#include "store/sqlite/sqlite_store.hpp"
#include "unit/store/temp_dir.hpp"

namespace nicecream::store::test {

namespace {

// Files created in a folder while it is watched (created and removed at once still count).
class CreatedFiles {
 public:
  explicit CreatedFiles(const std::filesystem::path& folder)
      : fd_(::inotify_init1(IN_NONBLOCK | IN_CLOEXEC)) {
    if (fd_ < 0 || ::inotify_add_watch(fd_, folder.c_str(), IN_CREATE) < 0)
      throw std::runtime_error("cannot watch " + folder.string());
  }
  CreatedFiles(const CreatedFiles&) = delete;
  CreatedFiles& operator=(const CreatedFiles&) = delete;
  ~CreatedFiles() { ::close(fd_); }

  int count() {
    alignas(inotify_event) char buffer[4096];
    ssize_t length = 0;
    while ((length = ::read(fd_, buffer, sizeof buffer)) > 0) {
      for (ssize_t at = 0; at < length;) {
        const auto* event = reinterpret_cast<const inotify_event*>(buffer + at);
        ++count_;
        at += static_cast<ssize_t>(sizeof(inotify_event) + event->len);
      }
    }
    return count_;
  }

 private:
  int fd_;
  int count_ = 0;
};

}  // namespace

// A recording's statement journal (some twenty pages) stays in memory instead of going to a temp
// file created and removed per recording (Connection::open says why).
TEST(SqliteRecording, WritesNoTemporaryFile) {
  TempDir temp;
  TempDir data;
  // SQLite reads SQLITE_TMPDIR when it first needs a temp file; nothing has needed one yet in
  // this process (each test runs in its own).
  ::setenv("SQLITE_TMPDIR", temp.path().c_str(), 1);
  auto store = sqlite::open_sqlite_store(data.path());
  store->migrate();
  CreatedFiles created(temp.path());
  const auto start = domain::now();
  for (int i = 0; i < 30; ++i) {
    const auto title = "Artist " + std::to_string(i % 7) + " - Track " + std::to_string(i % 11);
    ASSERT_TRUE(store->record_title(1 + i % 3, title, start + std::chrono::seconds(i)).inserted);
  }
  ::unsetenv("SQLITE_TMPDIR");
  EXPECT_EQ(created.count(), 0);
  EXPECT_EQ(store->list_history({}).size(), 30u);
}

}  // namespace nicecream::store::test
