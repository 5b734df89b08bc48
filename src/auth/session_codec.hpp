#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "auth/fernet.hpp"
#include "auth/session.hpp"

namespace nicecream::auth {

// A Session as a Fernet token (the session cookie's value) and back.
class SessionCodec {
 public:
  SessionCodec(FernetKey key, std::chrono::seconds max_age)
      : fernet_(std::move(key)), max_age_(max_age) {}

  std::string seal(const Session& session, domain::Timestamp now) const;

  // nullopt for a value that is not a session under our key, or was sealed more than max_age
  // ago (the Fernet timestamp is the time of the last write). Never throws on bad input.
  std::optional<Session> open(std::string_view sealed, domain::Timestamp now) const;

  std::chrono::seconds max_age() const { return max_age_; }

 private:
  Fernet fernet_;
  std::chrono::seconds max_age_;
};

}  // namespace nicecream::auth
