#include "support/stations/station_emulator.hpp"

#include <curl/curl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <boost/json.hpp>
#include <cstdio>
#include <cstdlib>
#include <sstream>
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

std::string json_string(const std::string& text) {
  return boost::json::serialize(boost::json::value(text));
}
}  // namespace

StationEmulator::StationEmulator(int stations, double rotate_seconds) {
  const auto script = source_path("tests/support/stations/emulator.py");
  const auto station_count = std::to_string(stations);
  std::ostringstream rotate;
  rotate << rotate_seconds;
  int out[2];
  if (::pipe(out) != 0) throw std::runtime_error("pipe failed");
  pid_ = ::fork();
  if (pid_ < 0) throw std::runtime_error("fork failed");
  if (pid_ == 0) {
    ::dup2(out[1], STDOUT_FILENO);
    ::close(out[0]);
    ::close(out[1]);
    ::execlp("python3", "python3", script.c_str(), "--port", "0", "--stations",
             station_count.c_str(), "--rotate", rotate.str().c_str(), static_cast<char*>(nullptr));
    std::perror("python3");
    ::_exit(127);
  }
  ::close(out[1]);
  const auto port = read_line(out[0]);
  ::close(out[0]);
  port_ = std::atoi(port.c_str());
  if (port_ <= 0) throw std::runtime_error("station emulator did not start: " + script);
}

StationEmulator::~StationEmulator() {
  if (pid_ <= 0) return;
  ::kill(pid_, SIGTERM);
  ::waitpid(pid_, nullptr, 0);
}

std::string StationEmulator::url(const std::string& station, const std::string& resource) const {
  return "http://127.0.0.1:" + std::to_string(port_) + "/" + station + "/" + resource;
}

void StationEmulator::set_title(const std::string& station, const std::string& title) {
  control(station, "{\"title\":" + json_string(title) + "}");
}

void StationEmulator::set_mode(const std::string& station, const std::string& mode) {
  control(station, "{\"mode\":" + json_string(mode) + "}");
}

StationState StationEmulator::state(const std::string& station) {
  const auto document = boost::json::parse(control(station, "")).as_object();
  return {std::string(document.at("title").as_string()),
          std::string(document.at("mode").as_string()), document.at("requests").as_int64(),
          document.at("bytes_sent").as_int64()};
}

// POST with a body changes the station; an empty body only reads it.
std::string StationEmulator::control(const std::string& station, const std::string& body) {
  CURL* easy = curl_easy_init();
  std::string answer;
  const auto address = "http://127.0.0.1:" + std::to_string(port_) + "/control/" + station;
  curl_easy_setopt(easy, CURLOPT_URL, address.c_str());
  if (!body.empty()) curl_easy_setopt(easy, CURLOPT_POSTFIELDS, body.c_str());
  curl_easy_setopt(easy, CURLOPT_WRITEFUNCTION, &append_body);
  curl_easy_setopt(easy, CURLOPT_WRITEDATA, &answer);
  curl_easy_setopt(easy, CURLOPT_TIMEOUT, 10L);
  const auto result = curl_easy_perform(easy);
  long status = 0;
  curl_easy_getinfo(easy, CURLINFO_RESPONSE_CODE, &status);
  curl_easy_cleanup(easy);
  if (result != CURLE_OK || status != 200)
    throw std::runtime_error("station emulator control failed for " + station + ": " + answer);
  return answer;
}

}  // namespace nicecream::testing
