#pragma once

#include <cstddef>
#include <filesystem>

#include "server/server_process.hpp"

namespace nicecream::testing {

// A small tmpfs of the test's own, mounted on a fresh directory: a disk the test can fill up and
// make read-only. Mounting needs root (CAP_SYS_ADMIN), as scripts/test runs; the constructor throws
// saying so otherwise. Unmounted (lazily, should anything still hold it) when the object goes.
class TmpfsMount {
 public:
  explicit TmpfsMount(std::size_t bytes);
  ~TmpfsMount();
  TmpfsMount(const TmpfsMount&) = delete;
  TmpfsMount& operator=(const TmpfsMount&) = delete;

  const std::filesystem::path& path() const { return mount_point_.path(); }

  // Writes `filler` until the disk is full (ENOSPC); removing the file frees the space again.
  void fill(const std::filesystem::path& filler);
  // The kernel refuses both while any process holds a file on it open for writing (EBUSY).
  void remount_read_only();
  void remount_writable();

 private:
  void remount(unsigned long flags);

  TempDir mount_point_;
  std::size_t bytes_;
};

}  // namespace nicecream::testing
