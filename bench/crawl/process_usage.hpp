#pragma once

#include <sys/types.h>

namespace nicecream::bench {

// User + system CPU seconds of this process, all threads.
double own_cpu_seconds();

// User + system CPU seconds of another process (the station emulators), from /proc/<pid>/stat;
// 0 once it has gone.
double cpu_seconds_of(pid_t pid);

// How long a thread of this process has run, and waited runnable for a CPU (schedstat): a
// thread that waited about as long as it ran was held back by the machine's other load.
struct ThreadTimes {
  double ran = 0;
  double waited = 0;
};
ThreadTimes thread_times(pid_t thread_id);

// This process's resident memory now and at its peak (VmRSS, VmHWM), in KiB.
struct ResidentMemory {
  long rss_kib = 0;
  long peak_kib = 0;
};
ResidentMemory own_memory();

}  // namespace nicecream::bench
