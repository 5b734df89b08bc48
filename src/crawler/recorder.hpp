#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/models.hpp"
#include "domain/watch.hpp"
#include "events/bus.hpp"
#include "store/store.hpp"

namespace nicecream::crawler {

struct RecordResult {
  enum class Kind { inserted, unchanged, store_unavailable };
  Kind kind = Kind::unchanged;
  std::string error;  // for store_unavailable
};

// Told of the watch matches an inserted item's claim won (issue 15), on the crawler's thread:
// it must hand them over and return (publish them, queue pushes), never block.
using MatchListener = std::function<void(const std::vector<domain::WatchMatch>&)>;

// Records a channel's title exactly once: the store's record_title does find-or-create and
// insert-if-different in one transaction, and only an inserted item is published, after the
// commit. A publish that fails is logged; the item stays recorded (live clients replay it).
// Then the item's watch matches are claimed and, when this process won any, given to each
// match listener; a claim that fails is logged and the item stays recorded.
class Recorder {
 public:
  Recorder(store::Store& store, events::Bus& bus, std::vector<MatchListener> match_listeners = {})
      : store_(store), bus_(bus), match_listeners_(std::move(match_listeners)) {}

  RecordResult record(const domain::Channel& channel, std::string_view title);

 private:
  void notify_watches(const domain::Channel& channel, const domain::HistoryItem& item);

  store::Store& store_;
  events::Bus& bus_;
  std::vector<MatchListener> match_listeners_;
};

}  // namespace nicecream::crawler
