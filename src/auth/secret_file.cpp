#include "auth/secret_file.hpp"

#include <fcntl.h>
#include <spdlog/spdlog.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include "auth/random.hpp"

namespace nicecream::auth {
namespace {

constexpr std::uintmax_t kMaxKeyFileBytes = 1024;

[[noreturn]] void fail(const std::string& what, const std::filesystem::path& path, int error) {
  throw SecretFileError(what + " " + path.string() + ": " + std::strerror(error));
}

std::string read_key_file(const std::filesystem::path& path, const std::string& noun) {
  std::error_code error;
  const auto size = std::filesystem::file_size(path, error);
  if (error) {
    fail("cannot read the " + noun, path, error.value());
  }
  if (size > kMaxKeyFileBytes) {
    throw SecretFileError("the " + noun + " " + path.string() + " is too large to be a key");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    fail("cannot open the " + noun, path, errno);
  }
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

void warn_if_others_can_read(const std::filesystem::path& path, const std::string& noun) {
  namespace fs = std::filesystem;
  std::error_code error;
  const auto permissions = fs::status(path, error).permissions();
  if (!error && (permissions & (fs::perms::group_all | fs::perms::others_all)) != fs::perms::none) {
    spdlog::warn("the {} {} can be read by other users; chmod 600 it", noun, path.string());
  }
}

std::string read_existing(const std::filesystem::path& path, const std::string& noun) {
  warn_if_others_can_read(path, noun);
  return read_key_file(path, noun);
}

// Writes the whole key to a private temporary file, then links it into place: link() fails if
// another process got there first, and a reader never sees a half-written key.
bool publish_new_key(const std::filesystem::path& path, const std::string& key_text,
                     const std::string& noun) {
  const auto temporary = path.string() + ".tmp-" + random_url_token(8);
  const int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) {
    fail("cannot create the " + noun, temporary, errno);
  }
  const std::string contents = key_text + "\n";
  const bool written =
      ::write(fd, contents.data(), contents.size()) == static_cast<ssize_t>(contents.size()) &&
      ::fsync(fd) == 0;
  const int write_error = errno;
  ::close(fd);
  if (!written) {
    ::unlink(temporary.c_str());
    fail("cannot write the " + noun, temporary, write_error);
  }
  const bool linked = ::link(temporary.c_str(), path.c_str()) == 0;
  const int link_error = errno;
  ::unlink(temporary.c_str());
  if (!linked && link_error != EEXIST) {
    fail("cannot create the " + noun, path, link_error);
  }
  return linked;
}

}  // namespace

std::string load_or_create_secret_file(const std::filesystem::path& path, std::string_view what,
                                       const std::function<std::string()>& generate) {
  const std::string noun = std::string(what) + " file";
  std::error_code error;
  if (std::filesystem::exists(path, error)) {
    return read_existing(path, noun);
  }
  if (path.has_parent_path()) {
    std::filesystem::create_directories(path.parent_path(), error);
    if (error) {
      fail("cannot create the directory of", path, error.value());
    }
  }
  std::string key_text = generate();
  if (publish_new_key(path, key_text, noun)) {
    return key_text;
  }
  return read_existing(path, noun);  // another process created it first: use theirs
}

}  // namespace nicecream::auth
