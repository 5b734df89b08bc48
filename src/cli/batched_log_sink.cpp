#include "cli/batched_log_sink.hpp"

#include <unistd.h>

#include <cerrno>
#include <chrono>

namespace nicecream::cli {

namespace {
constexpr auto kBatchPeriod = std::chrono::milliseconds{50};
}  // namespace

BatchedLogSink::BatchedLogSink(int fd)
    : fd_(fd), writer_([this](std::stop_token stop) { write_batches(stop); }) {}

BatchedLogSink::~BatchedLogSink() {
  writer_.request_stop();
  changed_.notify_all();
  writer_.join();
  write_all(pending_);
}

void BatchedLogSink::sink_it_(const spdlog::details::log_msg& message) {
  spdlog::memory_buf_t line;
  formatter_->format(message, line);
  std::unique_lock lock(pending_mutex_);
  changed_.wait(lock, [this] { return pending_.size() < kMaxPending; });
  pending_.append(line.data(), line.size());
  ++appended_;
}

void BatchedLogSink::flush_() {
  std::unique_lock lock(pending_mutex_);
  const auto target = appended_;
  flush_requested_ = true;
  changed_.notify_all();
  changed_.wait(lock,
                [&] { return written_ >= target || writer_.get_stop_token().stop_requested(); });
}

void BatchedLogSink::write_batches(std::stop_token stop) {
  std::string batch;
  while (!stop.stop_requested()) {
    std::uint64_t taken = 0;
    {
      std::unique_lock lock(pending_mutex_);
      changed_.wait_for(lock, stop, kBatchPeriod, [this] { return flush_requested_; });
      flush_requested_ = false;
      batch.swap(pending_);
      taken = appended_;
    }
    changed_.notify_all();  // room again for a writer that waited on kMaxPending
    write_all(batch);
    batch.clear();
    {
      std::lock_guard lock(pending_mutex_);
      written_ = taken;
    }
    changed_.notify_all();
  }
}

void BatchedLogSink::write_all(const std::string& batch) const {
  const char* data = batch.data();
  std::size_t left = batch.size();
  while (left > 0) {
    const auto written = ::write(fd_, data, left);
    if (written < 0 && errno == EINTR) continue;
    if (written <= 0) return;  // nowhere to write: stderr closed
    data += written;
    left -= static_cast<std::size_t>(written);
  }
}

}  // namespace nicecream::cli
