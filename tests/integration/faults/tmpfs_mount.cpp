#include "tmpfs_mount.hpp"

#include <fcntl.h>
#include <sys/mount.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <string>
#include <vector>

namespace nicecream::testing {

namespace {

std::string options(std::size_t bytes) {
  return "size=" + std::to_string(bytes) + ",mode=0755";
}

[[noreturn]] void fail(const std::string& what) {
  throw std::runtime_error(
      what + ": " + std::strerror(errno) +
      (errno == EPERM ? " (mounting a tmpfs needs root: run as scripts/test does)" : ""));
}

}  // namespace

TmpfsMount::TmpfsMount(std::size_t bytes) : bytes_(bytes) {
  if (::mount("tmpfs", path().c_str(), "tmpfs", MS_NOSUID | MS_NODEV, options(bytes).c_str()) != 0)
    fail("cannot mount a tmpfs on " + path().string());
}

TmpfsMount::~TmpfsMount() {
  if (::umount2(path().c_str(), 0) != 0) ::umount2(path().c_str(), MNT_DETACH);
}

void TmpfsMount::fill(const std::filesystem::path& filler) {
  const int fd = ::open(filler.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  if (fd < 0) fail("cannot create " + filler.string());
  const std::vector<char> block(64 * 1024, 'f');
  std::size_t chunk = block.size();
  for (;;) {
    const auto written = ::write(fd, block.data(), chunk);
    if (written >= 0) continue;
    if (errno != ENOSPC) {
      ::close(fd);
      fail("cannot write " + filler.string());
    }
    if (chunk == 1) break;  // not one more byte fits
    chunk = 1;
  }
  ::close(fd);
}

void TmpfsMount::remount_read_only() {
  remount(MS_RDONLY);
}

void TmpfsMount::remount_writable() {
  remount(0);
}

void TmpfsMount::remount(unsigned long flags) {
  if (::mount("tmpfs", path().c_str(), "tmpfs", MS_REMOUNT | MS_NOSUID | MS_NODEV | flags,
              options(bytes_).c_str()) != 0)
    fail("cannot remount " + path().string());
}

}  // namespace nicecream::testing
