#pragma once

#include <string>
#include <string_view>

#include "domain/models.hpp"
#include "events/bus.hpp"
#include "store/store.hpp"

namespace nicecream::crawler {

struct RecordResult {
  enum class Kind { inserted, unchanged, store_unavailable };
  Kind kind = Kind::unchanged;
  std::string error;  // for store_unavailable
};

// Records a channel's title exactly once: the store's record_title does find-or-create and
// insert-if-different in one transaction, and only an inserted item is published, after the
// commit. A publish that fails is logged; the item stays recorded (live clients replay it).
class Recorder {
 public:
  Recorder(store::Store& store, events::Bus& bus) : store_(store), bus_(bus) {}

  RecordResult record(const domain::Channel& channel, std::string_view title);

 private:
  store::Store& store_;
  events::Bus& bus_;
};

}  // namespace nicecream::crawler
