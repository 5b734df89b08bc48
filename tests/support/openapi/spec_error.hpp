#pragma once

#include <stdexcept>

namespace nicecream::support::openapi {

// The OpenAPI document itself is broken or uses something this checker does not understand.
// Distinct from a Violation, which is a response that does not match a sound document.
class SpecError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace nicecream::support::openapi
