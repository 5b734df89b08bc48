#pragma once

#include <boost/json/object.hpp>
#include <optional>
#include <string>
#include <string_view>

namespace nicecream::auth {

// A JWS in compact serialization (RFC 7515 §7.1) whose payload is a JSON object: a JWT.
struct CompactJws {
  boost::json::object header;
  boost::json::object payload;
  std::string signing_input;  // the first two parts, as signed
  std::string signature;      // raw bytes
};

// Far beyond any ID token; bounds the work done on hostile input.
inline constexpr std::size_t kMaxJwsBytes = 16 * 1024;

// nullopt unless there are exactly three unpadded base64url parts, and the first two decode to
// JSON objects.
std::optional<CompactJws> parse_compact_jws(std::string_view token);

}  // namespace nicecream::auth
