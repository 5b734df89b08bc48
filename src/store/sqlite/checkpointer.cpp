#include "store/sqlite/checkpointer.hpp"

namespace nicecream::store::sqlite {

Checkpointer::Checkpointer(const std::filesystem::path& file,
                           std::chrono::milliseconds busy_timeout)
    : connection_(Connection::open(file, busy_timeout, Connection::kScanCacheKib)),
      thread_([this](std::stop_token stop) { run(stop); }) {}

Checkpointer::~Checkpointer() {
  thread_.request_stop();
  thread_.join();
}

void Checkpointer::request() {
  {
    std::lock_guard lock(mutex_);
    requested_ = true;
  }
  wake_.notify_one();
}

void Checkpointer::run(std::stop_token stop) {
  while (true) {
    {
      std::unique_lock lock(mutex_);
      if (!wake_.wait(lock, stop, [this] { return requested_; })) return;
      requested_ = false;
    }
    connection_->checkpoint();
  }
}

}  // namespace nicecream::store::sqlite
