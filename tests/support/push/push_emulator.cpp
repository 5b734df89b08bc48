#include "support/push/push_emulator.hpp"

#include <boost/json.hpp>

namespace nicecream::testing {

std::vector<boost::json::object> PushInbox::delivered() const {
  std::vector<boost::json::object> shown;
  for (const auto& message : messages)
    if (message.at("status").as_int64() == 201) shown.push_back(message);
  return shown;
}

PushEmulator::PushEmulator() : process_("tests/support/push/emulator.py", {}) {}

EmulatedSubscription PushEmulator::subscribe() {
  const auto json = process_.request("/subscriptions", "{}");
  const auto document = boost::json::parse(json).as_object();
  const auto& endpoint = document.at("endpoint").as_string();
  const auto& keys = document.at("keys").as_object();
  const std::string endpoint_text(endpoint);
  return {.id = endpoint_text.substr(endpoint_text.rfind('/') + 1),
          .endpoint = endpoint_text,
          .p256dh = std::string(keys.at("p256dh").as_string()),
          .auth = std::string(keys.at("auth").as_string()),
          .json = json};
}

void PushEmulator::answer_next(const std::string& id, const std::vector<int>& statuses,
                               int retry_after) {
  boost::json::object orders{{"answers", boost::json::value_from(statuses)}};
  if (retry_after >= 0) orders["retry_after"] = retry_after;
  process_.request("/control/" + id, boost::json::serialize(orders));
}

PushInbox PushEmulator::inbox(const std::string& id) {
  const auto document = boost::json::parse(process_.request("/control/" + id)).as_object();
  PushInbox inbox;
  inbox.attempts = document.at("attempts").as_int64();
  for (const auto& message : document.at("messages").as_array())
    inbox.messages.push_back(message.as_object());
  for (const auto& rejected : document.at("rejected").as_array())
    inbox.rejected.emplace_back(rejected.at("reason").as_string());
  return inbox;
}

}  // namespace nicecream::testing
