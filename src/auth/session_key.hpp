#pragma once

#include <filesystem>
#include <string_view>

#include "auth/fernet.hpp"
#include "auth/secret_file.hpp"

namespace nicecream::auth {

// The key file cannot be read or written; the message names the path, never the key.
using SessionKeyError = SecretFileError;

// The embedded mode's key: read from `path`, or generated once and written there with mode
// 0600 (created atomically, so two processes starting together end up with the same key).
// Throws SessionKeyError for I/O problems and FernetKeyError for a file that holds no key.
FernetKey load_or_create_session_key(const std::filesystem::path& path);

// The configured secret (API_SESSION_COOKIE_SECRET_KEY) when there is one, otherwise the key
// kept in `<data_dir>/session.key`.
FernetKey resolve_session_key(std::string_view configured_secret,
                              const std::filesystem::path& data_dir);

}  // namespace nicecream::auth
