#include "support/emulators/emulator_process.hpp"

#include <curl/curl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <stdexcept>

#include "support/source_tree.hpp"

namespace nicecream::testing {

namespace {

std::string read_line(int fd) {
  std::string line;
  char c = 0;
  while (::read(fd, &c, 1) == 1 && c != '\n') line += c;
  return line;
}

std::size_t append_body(char* data, std::size_t size, std::size_t count, void* out) {
  static_cast<std::string*>(out)->append(data, size * count);
  return size * count;
}

}  // namespace

EmulatorProcess::EmulatorProcess(const std::string& script,
                                 const std::vector<std::string>& arguments) {
  const auto path = source_path(script);
  std::vector<std::string> words{"python3", path, "--port", "0"};
  words.insert(words.end(), arguments.begin(), arguments.end());
  std::vector<char*> argv;
  for (auto& word : words) argv.push_back(word.data());
  argv.push_back(nullptr);
  int out[2];
  if (::pipe(out) != 0) throw std::runtime_error("pipe failed");
  pid_ = ::fork();
  if (pid_ < 0) throw std::runtime_error("fork failed");
  if (pid_ == 0) {
    ::dup2(out[1], STDOUT_FILENO);
    ::close(out[0]);
    ::close(out[1]);
    ::execvp("python3", argv.data());
    std::perror("python3");
    ::_exit(127);
  }
  ::close(out[1]);
  const auto port = read_line(out[0]);
  ::close(out[0]);
  port_ = std::atoi(port.c_str());
  if (port_ <= 0) throw std::runtime_error("emulator did not start: " + path);
}

EmulatorProcess::~EmulatorProcess() {
  if (pid_ <= 0) return;
  ::kill(pid_, SIGTERM);
  ::waitpid(pid_, nullptr, 0);
}

std::string EmulatorProcess::origin() const {
  return "http://127.0.0.1:" + std::to_string(port_);
}

std::string EmulatorProcess::request(const std::string& path,
                                     const std::optional<std::string>& post_body) const {
  CURL* easy = curl_easy_init();
  std::string answer;
  const auto address = origin() + path;
  curl_easy_setopt(easy, CURLOPT_URL, address.c_str());
  if (post_body) curl_easy_setopt(easy, CURLOPT_POSTFIELDS, post_body->c_str());
  curl_easy_setopt(easy, CURLOPT_WRITEFUNCTION, &append_body);
  curl_easy_setopt(easy, CURLOPT_WRITEDATA, &answer);
  curl_easy_setopt(easy, CURLOPT_TIMEOUT, 10L);
  const auto result = curl_easy_perform(easy);
  long status = 0;
  curl_easy_getinfo(easy, CURLINFO_RESPONSE_CODE, &status);
  curl_easy_cleanup(easy);
  if (result != CURLE_OK || status / 100 != 2)
    throw std::runtime_error("emulator: " + std::string(post_body ? "POST " : "GET ") + path +
                             " failed (" + std::to_string(status) + "): " + answer);
  return answer;
}

}  // namespace nicecream::testing
