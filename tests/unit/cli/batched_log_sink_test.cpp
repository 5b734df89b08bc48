#include "cli/batched_log_sink.hpp"

#include <gtest/gtest.h>
#include <spdlog/logger.h>
#include <unistd.h>

#include <memory>
#include <string>
#include <thread>
#include <vector>

namespace nicecream::cli {
namespace {

// A pipe whose read end the test drains.
class Pipe {
 public:
  Pipe() { EXPECT_EQ(::pipe(ends_), 0); }
  ~Pipe() {
    ::close(ends_[0]);
    if (ends_[1] >= 0) ::close(ends_[1]);
  }
  int write_end() const { return ends_[1]; }
  void close_write_end() {
    ::close(ends_[1]);
    ends_[1] = -1;
  }
  std::string read_all() const {
    std::string text;
    char chunk[65536];
    for (ssize_t got; (got = ::read(ends_[0], chunk, sizeof chunk)) > 0;) text.append(chunk, got);
    return text;
  }

 private:
  int ends_[2] = {-1, -1};
};

std::shared_ptr<spdlog::logger> logger_on(int fd) {
  auto logger = std::make_shared<spdlog::logger>("test", std::make_shared<BatchedLogSink>(fd));
  logger->set_pattern("%l %v");
  return logger;
}

std::size_t count_of(const std::string& text, const std::string& needle) {
  std::size_t count = 0;
  for (auto at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1))
    ++count;
  return count;
}

TEST(BatchedLogSink, AFlushWritesEveryLineSoFarInOrder) {
  Pipe pipe;
  auto logger = logger_on(pipe.write_end());
  logger->info("first");
  logger->warn("second");
  logger->flush();
  logger.reset();
  pipe.close_write_end();
  EXPECT_EQ(pipe.read_all(), "info first\nwarning second\n");
}

TEST(BatchedLogSink, LinesLeftPendingAreWrittenWhenTheSinkEnds) {
  Pipe pipe;
  auto logger = logger_on(pipe.write_end());
  for (int i = 0; i < 1000; ++i) logger->info("line {}", i);
  logger.reset();  // no flush: the destructor writes the rest
  pipe.close_write_end();
  const auto text = pipe.read_all();
  EXPECT_EQ(count_of(text, "\n"), 1000u);
  EXPECT_EQ(text.find("info line 0\n"), 0u);
  EXPECT_NE(text.find("info line 999\n"), std::string::npos);
}

TEST(BatchedLogSink, ManyThreadsLoseNoLineAndKeepEachThreadsOrder) {
  Pipe pipe;
  std::string text;
  std::thread reader([&] { text = pipe.read_all(); });
  {
    auto logger = logger_on(pipe.write_end());
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t)
      threads.emplace_back([&logger, t] {
        for (int i = 0; i < 5000; ++i) logger->info("t{} {}", t, i);
      });
    for (auto& thread : threads) thread.join();
  }
  pipe.close_write_end();
  reader.join();
  EXPECT_EQ(count_of(text, "\n"), 20000u);
  for (int t = 0; t < 4; ++t) {
    std::size_t last = 0;
    for (int i = 0; i < 5000; i += 999) {
      const auto at = text.find("info t" + std::to_string(t) + " " + std::to_string(i) + "\n");
      ASSERT_NE(at, std::string::npos) << t << " " << i;
      EXPECT_GE(at, last);
      last = at;
    }
  }
}

}  // namespace
}  // namespace nicecream::cli
