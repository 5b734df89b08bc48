#include "crawler/health.hpp"

namespace nicecream::crawler {

bool Health::report_ok() {
  const bool changed = state_ != State::ok;
  state_ = State::ok;
  reason_.clear();
  return changed;
}

bool Health::report_failure(std::string_view reason) {
  const bool changed = state_ != State::failing || reason_ != reason;
  state_ = State::failing;
  reason_ = reason;
  return changed;
}

}  // namespace nicecream::crawler
