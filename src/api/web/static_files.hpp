#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

namespace nicecream::api {

struct StaticFile {
  std::string body;
  std::string content_type;
  std::filesystem::file_time_type modified;
};

// Files of a built web folder, kept in memory and read again when they change on disk (a rebuild
// of the web app while the server runs). Only paths inside the root are served.
class StaticFiles {
 public:
  explicit StaticFiles(std::filesystem::path root) : root_(std::move(root)) {}

  // Blocking (a stat, and a read when the file is new or changed): call through the pool.
  std::shared_ptr<const StaticFile> load(std::string_view relative_path);

 private:
  std::filesystem::path root_;
  std::mutex mutex_;
  std::map<std::string, std::shared_ptr<const StaticFile>, std::less<>> cache_;
};

std::string_view content_type_for(std::string_view path);
// True for a relative path of plain segments (no "..", no empty or dot segments, no backslash).
bool is_safe_relative_path(std::string_view path);

}  // namespace nicecream::api
