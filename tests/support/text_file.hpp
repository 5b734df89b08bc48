#pragma once

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace nicecream::testing {

// A file's whole content; empty when it cannot be read (a log a process has not written yet).
inline std::string read_text_file(const std::filesystem::path& path) {
  std::ifstream input(path, std::ios::binary);
  std::ostringstream content;
  content << input.rdbuf();
  return content.str();
}

}  // namespace nicecream::testing
