#include "push/delivery_outcome.hpp"

#include <charconv>

namespace nicecream::push {

DeliveryResult classify_push_status(long status) {
  if (status >= 200 && status < 300) return DeliveryResult::sent;
  if (status == 404 || status == 410) return DeliveryResult::gone;
  if (status == 429 || status >= 500 || status == 0) return DeliveryResult::retry;
  return DeliveryResult::failed;
}

std::optional<std::chrono::seconds> parse_retry_after(std::string_view value) {
  while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) value.remove_prefix(1);
  while (!value.empty() && (value.back() == ' ' || value.back() == '\t')) value.remove_suffix(1);
  long long seconds = 0;
  const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), seconds);
  if (value.empty() || error != std::errc{} || end != value.data() + value.size() || seconds < 0)
    return std::nullopt;
  return std::chrono::seconds(seconds);
}

}  // namespace nicecream::push
