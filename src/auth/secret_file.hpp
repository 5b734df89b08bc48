#pragma once

#include <filesystem>
#include <functional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace nicecream::auth {

// A key file cannot be read or written; the message names the path, never the key.
class SecretFileError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The text of a key kept in the data directory: read from `path`, or made by `generate` and
// written there with mode 0600, created atomically, so two processes starting together end up
// with the same key. `what` names the key in messages ("session key"). Throws SecretFileError.
std::string load_or_create_secret_file(const std::filesystem::path& path, std::string_view what,
                                       const std::function<std::string()>& generate);

}  // namespace nicecream::auth
