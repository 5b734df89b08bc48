#include "process_probe.hpp"

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "support/text_file.hpp"

namespace nicecream::testing {

namespace {

// The parent pid from /proc/<pid>/stat: "pid (command) state ppid ...", where the command may
// hold spaces and parentheses, hence the last ')'.
pid_t parent_of(const std::filesystem::path& proc_entry) {
  const auto stat = read_text_file(proc_entry / "stat");
  const auto close = stat.rfind(')');
  if (close == std::string::npos) return -1;
  std::istringstream fields(stat.substr(close + 1));
  std::string state;
  pid_t parent = -1;
  fields >> state >> parent;
  return parent;
}

std::vector<std::string> arguments_of(const std::filesystem::path& proc_entry) {
  const auto raw = read_text_file(proc_entry / "cmdline");
  std::vector<std::string> arguments;
  for (std::size_t at = 0; at < raw.size();) {
    const auto end = raw.find('\0', at);
    arguments.push_back(raw.substr(at, end - at));
    if (end == std::string::npos) break;
    at = end + 1;
  }
  return arguments;
}

}  // namespace

std::vector<pid_t> nicecream_children(const std::string& subcommand) {
  const char* binary = std::getenv("NICECREAM_BINARY");
  if (binary == nullptr) throw std::runtime_error("NICECREAM_BINARY is not set: run through ctest");
  std::vector<pid_t> found;
  std::error_code ignored;
  for (const auto& entry : std::filesystem::directory_iterator("/proc", ignored)) {
    const auto name = entry.path().filename().string();
    if (name.find_first_not_of("0123456789") != std::string::npos) continue;
    if (parent_of(entry.path()) != ::getpid()) continue;
    const auto arguments = arguments_of(entry.path());
    if (arguments.size() >= 2 && arguments[0] == binary && arguments[1] == subcommand)
      found.push_back(static_cast<pid_t>(std::stol(name)));
  }
  return found;
}

std::int64_t resident_kib(pid_t pid) {
  std::istringstream status(read_text_file("/proc/" + std::to_string(pid) + "/status"));
  std::string line;
  while (std::getline(status, line))
    if (line.starts_with("VmRSS:")) return std::stoll(line.substr(6));
  throw std::runtime_error("no VmRSS for process " + std::to_string(pid));
}

}  // namespace nicecream::testing
