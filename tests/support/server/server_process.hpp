#pragma once

#include <sys/types.h>

#include <chrono>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace nicecream::testing {

// A temporary directory removed with everything in it when this goes away.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

// Runs the real `nicecream` binary (NICECREAM_BINARY) with a clean environment plus `env`, and
// captures its stderr. `start_server` waits until `serve` says where it listens.
class ServerProcess {
 public:
  ServerProcess(std::vector<std::string> args, std::map<std::string, std::string> env);
  ~ServerProcess();
  ServerProcess(const ServerProcess&) = delete;
  ServerProcess& operator=(const ServerProcess&) = delete;

  // `nicecream serve` on a free port with its own data directory; crawler off unless env says.
  static std::unique_ptr<ServerProcess> start_server(std::map<std::string, std::string> env = {});
  // `nicecream crawl` with its metrics listener on a free port (port() answers /metrics).
  static std::unique_ptr<ServerProcess> start_crawler(std::map<std::string, std::string> env = {});

  std::uint16_t port() const { return port_; }
  const std::filesystem::path& data_dir() const { return data_dir_.path(); }
  void signal(int number);
  // Waits for the process to end; returns its exit code (or 128 + signal).
  int wait(std::chrono::milliseconds timeout = std::chrono::seconds{15});
  bool running();
  std::string log() const;  // what it wrote to stderr so far
  // The server writes its log in batches (at least once a second): wait until `text` shows up.
  bool log_contains(const std::string& text,
                    std::chrono::milliseconds timeout = std::chrono::seconds{5}) const;

 private:
  void wait_for_port(std::chrono::milliseconds timeout);

  TempDir data_dir_;
  std::filesystem::path log_path_;
  pid_t pid_ = -1;
  int exit_code_ = -1;
  std::uint16_t port_ = 0;
};

// Runs `nicecream <args>` to completion; returns the exit code and captures stdout+stderr.
struct CommandResult {
  int exit_code = -1;
  std::string output;
};
CommandResult run_nicecream(const std::vector<std::string>& args,
                            const std::map<std::string, std::string>& env);

}  // namespace nicecream::testing
