#include "api/web/static_files.hpp"

#include <array>
#include <fstream>
#include <sstream>
#include <utility>

namespace nicecream::api {

namespace {
constexpr std::array<std::pair<std::string_view, std::string_view>, 12> kTypes{{
    {".html", "text/html; charset=utf-8"},
    {".js", "text/javascript; charset=utf-8"},
    {".mjs", "text/javascript; charset=utf-8"},
    {".css", "text/css; charset=utf-8"},
    {".json", "application/json"},
    {".svg", "image/svg+xml"},
    {".png", "image/png"},
    {".ico", "image/x-icon"},
    {".woff2", "font/woff2"},
    {".woff", "font/woff"},
    {".map", "application/json"},
    {".txt", "text/plain; charset=utf-8"},
}};
}  // namespace

std::string_view content_type_for(std::string_view path) {
  for (const auto& [extension, type] : kTypes)
    if (path.ends_with(extension)) return type;
  return "application/octet-stream";
}

bool is_safe_relative_path(std::string_view path) {
  if (path.empty() || path.front() == '/' || path.find('\\') != std::string_view::npos ||
      path.find('\0') != std::string_view::npos)
    return false;
  std::size_t start = 0;
  while (start <= path.size()) {
    const auto slash = path.find('/', start);
    const auto segment =
        path.substr(start, slash == std::string_view::npos ? slash : slash - start);
    if (segment.empty() || segment == "." || segment == "..") return false;
    if (slash == std::string_view::npos) break;
    start = slash + 1;
  }
  return true;
}

std::shared_ptr<const StaticFile> StaticFiles::load(std::string_view relative_path) {
  if (!is_safe_relative_path(relative_path)) return nullptr;
  const auto path = root_ / std::filesystem::path(relative_path);
  std::error_code error;
  if (!std::filesystem::is_regular_file(path, error)) return nullptr;
  const auto modified = std::filesystem::last_write_time(path, error);
  if (error) return nullptr;
  {
    std::lock_guard lock(mutex_);
    if (auto found = cache_.find(relative_path);
        found != cache_.end() && found->second->modified == modified)
      return found->second;
  }
  std::ifstream input(path, std::ios::binary);
  if (!input) return nullptr;
  std::ostringstream content;
  content << input.rdbuf();
  auto file = std::make_shared<const StaticFile>(
      StaticFile{content.str(), std::string(content_type_for(relative_path)), modified});
  std::lock_guard lock(mutex_);
  cache_.insert_or_assign(std::string(relative_path), file);
  return file;
}

}  // namespace nicecream::api
