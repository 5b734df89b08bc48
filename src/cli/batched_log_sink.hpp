#pragma once

#include <spdlog/sinks/base_sink.h>

#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <string>
#include <thread>

namespace nicecream::cli {

// Log lines formatted on the thread that logs them and written to a file descriptor in batches by
// a thread of its own, every 50 ms. With spdlog's asynchronous logger every line woke its worker:
// a futex call and a context switch per request, the largest cost of answering a cached page
// (bench/http). An I/O thread here only appends to a buffer; it waits only when the writer is
// more than kMaxPending behind (nothing is dropped), and on flush(), which warnings ask for.
class BatchedLogSink final : public spdlog::sinks::base_sink<std::mutex> {
 public:
  explicit BatchedLogSink(int fd);
  ~BatchedLogSink() override;  // writes what is pending
  BatchedLogSink(const BatchedLogSink&) = delete;
  BatchedLogSink& operator=(const BatchedLogSink&) = delete;

  static constexpr std::size_t kMaxPending = 8 << 20;

 protected:
  void sink_it_(const spdlog::details::log_msg& message) override;
  void flush_() override;

 private:
  void write_batches(std::stop_token stop);
  void write_all(const std::string& batch) const;

  int fd_;
  std::mutex pending_mutex_;  // the base sink's mutex is held around sink_it_ and flush_
  std::condition_variable_any changed_;
  std::string pending_;
  std::uint64_t appended_ = 0;  // batches: a flush waits until `written_` reaches `appended_`
  std::uint64_t written_ = 0;
  bool flush_requested_ = false;
  std::jthread writer_;
};

}  // namespace nicecream::cli
