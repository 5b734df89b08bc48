#include "http/connection_registry.hpp"

#include <boost/asio/post.hpp>
#include <vector>

namespace nicecream::http {

std::uint64_t ConnectionRegistry::add(std::shared_ptr<ConnectionState> state) {
  std::lock_guard lock(mutex_);
  states_.emplace(next_key_, state);
  return next_key_++;
}

void ConnectionRegistry::remove(std::uint64_t key) {
  std::lock_guard lock(mutex_);
  states_.erase(key);
}

std::size_t ConnectionRegistry::size() const {
  std::lock_guard lock(mutex_);
  return states_.size();
}

void ConnectionRegistry::stop_all() {
  std::vector<std::shared_ptr<ConnectionState>> live;
  {
    std::lock_guard lock(mutex_);
    for (auto& [key, weak] : states_)
      if (auto state = weak.lock()) live.push_back(std::move(state));
  }
  for (auto& state : live) {
    boost::asio::post(state->executor, [state] {
      state->stopping = true;
      if (state->stop_stream) state->stop_stream();
      if (!state->busy && state->interrupt_idle) state->interrupt_idle();
    });
  }
}

}  // namespace nicecream::http
