#include "store/sqlite/checkpointer.hpp"

#include <spdlog/spdlog.h>

#include <optional>
#include <string>

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
  // A failure (a full disk, an I/O error) is logged when it starts and when it ends, not on every
  // request while it lasts; the frames stay in the WAL meanwhile, so nothing is lost.
  std::optional<std::string> failing;
  while (true) {
    {
      std::unique_lock lock(mutex_);
      if (!wake_.wait(lock, stop, [this] { return requested_; })) return;
      requested_ = false;
    }
    auto error = connection_->checkpoint();
    if (error && error != failing)
      spdlog::warn("database checkpoint failed, the WAL keeps growing: {}", *error);
    else if (!error && failing)
      spdlog::info("database checkpoints work again");
    failing = std::move(error);
  }
}

}  // namespace nicecream::store::sqlite
