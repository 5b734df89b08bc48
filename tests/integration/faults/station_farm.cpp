#include "station_farm.hpp"

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <sstream>
#include <stdexcept>

namespace nicecream::testing {

namespace {

// NICECREAM_SOURCE_DIR when the runner sets it, else the source tree the test was built from.
std::string emulator_script() {
  const char* source_dir = std::getenv("NICECREAM_SOURCE_DIR");
  if (source_dir == nullptr) source_dir = NICECREAM_TEST_SOURCE_DIR;
  return std::string(source_dir) + "/tests/support/stations/emulator.py";
}

std::string format_seconds(double seconds) {
  std::ostringstream text;
  text << seconds;
  return text.str();
}

// The emulator prints its port as its first line.
int read_port(int fd) {
  std::string line;
  char c = 0;
  while (::read(fd, &c, 1) == 1 && c != '\n') line += c;
  return std::atoi(line.c_str());
}

}  // namespace

StationFarm::StationFarm(int count, double rotate_seconds) : count_(count) {
  const auto script = emulator_script();
  const auto stations = std::to_string(count);
  const auto rotate = format_seconds(rotate_seconds);
  int out[2];
  if (::pipe(out) != 0) throw std::runtime_error("pipe failed");
  pid_ = ::fork();
  if (pid_ < 0) throw std::runtime_error("fork failed");
  if (pid_ == 0) {
    ::dup2(out[1], STDOUT_FILENO);
    ::close(out[0]);
    ::close(out[1]);
    ::execlp("python3", "python3", script.c_str(), "--port", "0", "--stations", stations.c_str(),
             "--rotate", rotate.c_str(), static_cast<char*>(nullptr));
    std::perror("python3");
    ::_exit(127);
  }
  ::close(out[1]);
  port_ = read_port(out[0]);
  ::close(out[0]);
  if (port_ <= 0) throw std::runtime_error("station emulator did not start: " + script);
}

StationFarm::~StationFarm() {
  ::kill(pid_, SIGTERM);
  ::waitpid(pid_, nullptr, 0);
}

std::string StationFarm::url(int index) const {
  return "http://127.0.0.1:" + std::to_string(port_) + "/" + name(index) + "/display.js";
}

}  // namespace nicecream::testing
