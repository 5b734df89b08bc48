#pragma once

#include <sys/types.h>

#include <cstdint>
#include <string>
#include <vector>

namespace nicecream::testing {

// This test's running children that run the nicecream binary (NICECREAM_BINARY) as
// `nicecream <subcommand> ...`: how a test finds the pid of the server it started.
std::vector<pid_t> nicecream_children(const std::string& subcommand);

// The process's resident memory (VmRSS in /proc/<pid>/status), in KiB.
std::int64_t resident_kib(pid_t pid);

}  // namespace nicecream::testing
