#include "support/push/push_emulator.hpp"

#include <curl/curl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <boost/json.hpp>
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

std::vector<boost::json::object> PushInbox::delivered() const {
  std::vector<boost::json::object> shown;
  for (const auto& message : messages)
    if (message.at("status").as_int64() == 201) shown.push_back(message);
  return shown;
}

PushEmulator::PushEmulator() {
  const auto script = source_path("tests/support/push/emulator.py");
  int out[2];
  if (::pipe(out) != 0) throw std::runtime_error("pipe failed");
  pid_ = ::fork();
  if (pid_ < 0) throw std::runtime_error("fork failed");
  if (pid_ == 0) {
    ::dup2(out[1], STDOUT_FILENO);
    ::close(out[0]);
    ::close(out[1]);
    ::execlp("python3", "python3", script.c_str(), "--port", "0", static_cast<char*>(nullptr));
    std::perror("python3");
    ::_exit(127);
  }
  ::close(out[1]);
  const auto port = read_line(out[0]);
  ::close(out[0]);
  port_ = std::atoi(port.c_str());
  if (port_ <= 0) throw std::runtime_error("push emulator did not start: " + script);
}

PushEmulator::~PushEmulator() {
  if (pid_ <= 0) return;
  ::kill(pid_, SIGTERM);
  ::waitpid(pid_, nullptr, 0);
}

std::string PushEmulator::origin() const {
  return "http://127.0.0.1:" + std::to_string(port_);
}

EmulatedSubscription PushEmulator::subscribe() {
  const auto json = call("POST", "/subscriptions", "{}");
  const auto document = boost::json::parse(json).as_object();
  const auto& endpoint = document.at("endpoint").as_string();
  const auto& keys = document.at("keys").as_object();
  const std::string endpoint_text(endpoint);
  return {.id = endpoint_text.substr(endpoint_text.rfind('/') + 1),
          .endpoint = endpoint_text,
          .p256dh = std::string(keys.at("p256dh").as_string()),
          .auth = std::string(keys.at("auth").as_string()),
          .json = json};
}

void PushEmulator::answer_next(const std::string& id, const std::vector<int>& statuses,
                               int retry_after) {
  boost::json::object orders{{"answers", boost::json::value_from(statuses)}};
  if (retry_after >= 0) orders["retry_after"] = retry_after;
  call("POST", "/control/" + id, boost::json::serialize(orders));
}

PushInbox PushEmulator::inbox(const std::string& id) {
  const auto document = boost::json::parse(call("GET", "/control/" + id, "")).as_object();
  PushInbox inbox;
  inbox.attempts = document.at("attempts").as_int64();
  for (const auto& message : document.at("messages").as_array())
    inbox.messages.push_back(message.as_object());
  for (const auto& rejected : document.at("rejected").as_array())
    inbox.rejected.emplace_back(rejected.at("reason").as_string());
  return inbox;
}

std::string PushEmulator::call(const std::string& method, const std::string& path,
                               const std::string& body) {
  CURL* easy = curl_easy_init();
  std::string answer;
  const auto address = origin() + path;
  curl_easy_setopt(easy, CURLOPT_URL, address.c_str());
  if (method == "POST") curl_easy_setopt(easy, CURLOPT_POSTFIELDS, body.c_str());
  curl_easy_setopt(easy, CURLOPT_WRITEFUNCTION, &append_body);
  curl_easy_setopt(easy, CURLOPT_WRITEDATA, &answer);
  curl_easy_setopt(easy, CURLOPT_TIMEOUT, 10L);
  const auto result = curl_easy_perform(easy);
  long status = 0;
  curl_easy_getinfo(easy, CURLINFO_RESPONSE_CODE, &status);
  curl_easy_cleanup(easy);
  if (result != CURLE_OK || status / 100 != 2)
    throw std::runtime_error("push emulator: " + method + " " + path + " failed: " + answer);
  return answer;
}

}  // namespace nicecream::testing
