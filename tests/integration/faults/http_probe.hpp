#pragma once

#include <chrono>
#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

#include "domain/models.hpp"

namespace nicecream::testing {

// One answer of the server, or why there was none (a hang past the deadline, a refused
// connection).
struct Answer {
  int status = 0;  // 0: no answer, see `failure`
  std::string content_type;
  std::string retry_after;
  std::string body;
  std::string failure;
};
std::ostream& operator<<(std::ostream& out, const Answer& answer);

// GET on 127.0.0.1 with a hard deadline, so a server that hangs fails the test at once instead of
// stalling it. Never goes through a proxy.
Answer get_within(std::uint16_t port, const std::string& target,
                  std::chrono::milliseconds limit = std::chrono::seconds{5});

// True when the answer is the store-outage answer: 503 with a JSON {"detail": "..."} and a
// Retry-After.
bool is_unavailable_answer(const Answer& answer);

// The part of a history item (from /history or an event) the fault tests compare.
struct Item {
  domain::Id id = 0;
  domain::Id channel_id = 0;
  std::string song_title;
  bool operator==(const Item&) const = default;
};
std::ostream& operator<<(std::ostream& out, const Item& item);
Item item_from_json(const std::string& json);

// Every history item the server lists (`filter` e.g. "&channel_id=3"), oldest first, page by
// page; throws when a page is not a 200.
std::vector<Item> all_history(std::uint16_t port, const std::string& filter = "");
std::vector<std::string> titles_of(std::uint16_t port, domain::Id channel_id);

// A loopback port nothing listens on right now.
std::uint16_t free_port();

}  // namespace nicecream::testing
