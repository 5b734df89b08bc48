#pragma once

#include <string>
#include <string_view>

namespace nicecream::crawler {

// Whether something (a channel, the store) works, remembered so that each change is logged once:
// the report_* calls return true only when the state differs from the last report.
class Health {
 public:
  bool report_ok();
  bool report_failure(std::string_view reason);  // a different reason is a change too

  bool failing() const { return state_ == State::failing; }
  const std::string& reason() const { return reason_; }

 private:
  enum class State { unknown, ok, failing };
  State state_ = State::unknown;
  std::string reason_;
};

}  // namespace nicecream::crawler
