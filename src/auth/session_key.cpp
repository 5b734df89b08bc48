#include "auth/session_key.hpp"

#include "auth/secret_file.hpp"

namespace nicecream::auth {
namespace {

FernetKey parse_key_text(const std::filesystem::path& path, const std::string& text) {
  try {
    return parse_fernet_key(text);
  } catch (const FernetKeyError& error) {
    throw FernetKeyError("the session key file " + path.string() +
                         " holds no valid key: " + error.what());
  }
}

}  // namespace

FernetKey load_or_create_session_key(const std::filesystem::path& path) {
  return parse_key_text(path, load_or_create_secret_file(path, "session key", generate_fernet_key));
}

FernetKey resolve_session_key(std::string_view configured_secret,
                              const std::filesystem::path& data_dir) {
  if (!configured_secret.empty()) {
    return parse_fernet_key(configured_secret);
  }
  return load_or_create_session_key(data_dir / "session.key");
}

}  // namespace nicecream::auth
