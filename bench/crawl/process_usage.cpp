#include "process_usage.hpp"

#include <sys/resource.h>
#include <unistd.h>

#include <fstream>
#include <iterator>
#include <sstream>
#include <string>

namespace nicecream::bench {

double own_cpu_seconds() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  const auto seconds = [](const timeval& t) { return t.tv_sec + t.tv_usec / 1e6; };
  return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

double cpu_seconds_of(pid_t pid) {
  std::ifstream file("/proc/" + std::to_string(pid) + "/stat");
  const std::string stat{std::istreambuf_iterator<char>(file), {}};
  // "pid (command) state ppid ...": the command may hold spaces, hence the last ')'. utime and
  // stime are fields 14 and 15, the 12th and 13th after it.
  const auto close = stat.rfind(')');
  if (close == std::string::npos) return 0;
  std::istringstream fields(stat.substr(close + 1));
  std::string skipped;
  for (int field = 3; field < 14; ++field) fields >> skipped;
  long long user = 0, system = 0;
  fields >> user >> system;
  return static_cast<double>(user + system) / static_cast<double>(sysconf(_SC_CLK_TCK));
}

ThreadTimes thread_times(pid_t thread_id) {
  std::ifstream file("/proc/self/task/" + std::to_string(thread_id) + "/schedstat");
  long long ran = 0, waited = 0;  // nanoseconds
  file >> ran >> waited;
  return {static_cast<double>(ran) / 1e9, static_cast<double>(waited) / 1e9};
}

ResidentMemory own_memory() {
  std::ifstream status("/proc/self/status");
  ResidentMemory memory;
  for (std::string line; std::getline(status, line);) {
    if (line.starts_with("VmRSS:")) memory.rss_kib = std::stol(line.substr(6));
    if (line.starts_with("VmHWM:")) memory.peak_kib = std::stol(line.substr(6));
  }
  return memory;
}

}  // namespace nicecream::bench
