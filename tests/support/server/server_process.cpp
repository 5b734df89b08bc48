#include "server/server_process.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <memory>
#include <optional>
#include <random>
#include <sstream>
#include <stdexcept>
#include <string_view>
#include <thread>

namespace nicecream::testing {

namespace {

std::string binary_path() {
  const char* path = std::getenv("NICECREAM_BINARY");
  if (!path) throw std::runtime_error("NICECREAM_BINARY is not set: run the tests through CTest");
  return path;
}

std::string read_file(const std::filesystem::path& path) {
  std::ifstream input(path);
  std::ostringstream content;
  content << input.rdbuf();
  return content.str();
}

// Only what the binary needs from the parent, so a developer's own settings never leak in.
std::vector<std::string> child_environment(const std::map<std::string, std::string>& env) {
  std::map<std::string, std::string> merged;
  for (const char* name : {"PATH", "HOME", "ASAN_OPTIONS", "UBSAN_OPTIONS", "LSAN_OPTIONS"})
    if (const char* value = std::getenv(name)) merged[name] = value;
  merged["NICECREAM_ALLOW_PRIVATE_TARGETS"] = "true";  // every test station is on loopback
  for (const auto& [name, value] : env) merged[name] = value;
  std::vector<std::string> entries;
  for (const auto& [name, value] : merged) entries.push_back(name + "=" + value);
  return entries;
}

pid_t spawn(const std::vector<std::string>& args, const std::map<std::string, std::string>& env,
            const std::filesystem::path& output, bool merge_stdout) {
  auto argv_storage = args;
  argv_storage.insert(argv_storage.begin(), binary_path());
  auto env_storage = child_environment(env);
  std::vector<char*> argv, envp;
  for (auto& arg : argv_storage) argv.push_back(arg.data());
  argv.push_back(nullptr);
  for (auto& entry : env_storage) envp.push_back(entry.data());
  envp.push_back(nullptr);
  const pid_t pid = fork();
  if (pid < 0) throw std::runtime_error("fork failed");
  if (pid == 0) {
    const int fd = open(output.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    dup2(fd, STDERR_FILENO);
    if (merge_stdout) dup2(fd, STDOUT_FILENO);
    execve(argv[0], argv.data(), envp.data());
    _exit(127);
  }
  return pid;
}

// The port in "listening on http://<host>:<port>", which `serve` (and `crawl` for its metrics)
// logs once it accepts.
std::optional<std::uint16_t> listening_port(const std::string& log) {
  constexpr std::string_view marker = "listening on http://";
  const auto at = log.find(marker);
  if (at == std::string::npos) return std::nullopt;
  const auto colon = log.find(':', at + marker.size());
  const auto end = log.find_first_not_of("0123456789", colon + 1);
  if (colon == std::string::npos || end == colon + 1) return std::nullopt;
  return static_cast<std::uint16_t>(std::stoi(log.substr(colon + 1, end - colon - 1)));
}

int decode_status(int status) {
  if (WIFEXITED(status)) return WEXITSTATUS(status);
  if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
  return -1;
}

}  // namespace

TempDir::TempDir() {
  std::random_device random;
  path_ = std::filesystem::temp_directory_path() /
          ("nicecream-test-" + std::to_string(getpid()) + "-" + std::to_string(random()));
  std::filesystem::create_directories(path_);
}

TempDir::~TempDir() {
  std::error_code ignored;
  std::filesystem::permissions(path_, std::filesystem::perms::owner_all, ignored);
  std::filesystem::remove_all(path_, ignored);
}

ServerProcess::ServerProcess(std::vector<std::string> args,
                             std::map<std::string, std::string> env) {
  log_path_ = data_dir_.path() / "server.log";
  env.try_emplace("NICECREAM_DATA_DIR", (data_dir_.path() / "data").string());
  pid_ = spawn(args, env, log_path_, false);
}

ServerProcess::~ServerProcess() {
  if (running()) {
    kill(pid_, SIGKILL);
    wait(std::chrono::seconds{5});
  }
}

std::unique_ptr<ServerProcess> ServerProcess::start_server(std::map<std::string, std::string> env) {
  env.try_emplace("API_PORT", "0");
  env.try_emplace("API_THREADS", "2");
  env.try_emplace("NICECREAM_CRAWLER", "false");
  auto server = std::make_unique<ServerProcess>(std::vector<std::string>{"serve"}, std::move(env));
  server->wait_for_port(std::chrono::seconds{20});
  return server;
}

std::unique_ptr<ServerProcess> ServerProcess::start_crawler(
    std::map<std::string, std::string> env) {
  env.try_emplace("NICECREAM_CRAWL_METRICS_PORT", "0");
  auto crawler = std::make_unique<ServerProcess>(std::vector<std::string>{"crawl"}, std::move(env));
  crawler->wait_for_port(std::chrono::seconds{20});
  return crawler;
}

void ServerProcess::wait_for_port(std::chrono::milliseconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (std::chrono::steady_clock::now() < deadline) {
    const auto text = log();
    if (const auto port = listening_port(text)) {
      port_ = *port;
      return;
    }
    if (!running()) throw std::runtime_error("nicecream exited early:\n" + text);
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  throw std::runtime_error("nicecream did not start listening:\n" + log());
}

void ServerProcess::signal(int number) {
  kill(pid_, number);
}

bool ServerProcess::running() {
  if (exit_code_ >= 0) return false;
  int status = 0;
  const pid_t done = waitpid(pid_, &status, WNOHANG);
  if (done == pid_) exit_code_ = decode_status(status);
  return exit_code_ < 0;
}

int ServerProcess::wait(std::chrono::milliseconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (running() && std::chrono::steady_clock::now() < deadline)
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  return exit_code_;
}

std::string ServerProcess::log() const {
  return read_file(log_path_);
}

CommandResult run_nicecream(const std::vector<std::string>& args,
                            const std::map<std::string, std::string>& env) {
  TempDir scratch;
  const auto output = scratch.path() / "output";
  const pid_t pid = spawn(args, env, output, true);
  int status = 0;
  waitpid(pid, &status, 0);
  return {decode_status(status), read_file(output)};
}

}  // namespace nicecream::testing

namespace nicecream::testing {

bool ServerProcess::log_contains(const std::string& text, std::chrono::milliseconds timeout) const {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (log().find(text) == std::string::npos) {
    if (std::chrono::steady_clock::now() >= deadline) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds{20});
  }
  return true;
}

}  // namespace nicecream::testing
