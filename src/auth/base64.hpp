#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace nicecream::auth {

// Byte strings travel as std::string; these turn them into text and back (RFC 4648).
enum class Padding { with, without };

std::string encode_base64(std::string_view bytes);
std::string encode_base64url(std::string_view bytes, Padding padding);

// Strict: only the alphabet, padding either complete or (when optional) absent, and no stray
// bits in the last character; anything else is nullopt.
std::optional<std::string> decode_base64(std::string_view text);
// Accepts padded and unpadded text: Fernet pads, JOSE does not.
std::optional<std::string> decode_base64url(std::string_view text);

}  // namespace nicecream::auth
