// "A public name that redirects to a private address": nothing public is reachable from the test
// machine, so a classifier of the test's own calls 127.0.0.2 public and leaves every other
// address to the production rule. A station there answers with a redirect to 127.0.0.1, where a
// listener counts connections: the guard must refuse the hop before any connection is made.
#include <arpa/inet.h>
#include <fcntl.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <string>
#include <thread>

#include "outbound/public_address.hpp"
#include "outbound/target_guard.hpp"

namespace nicecream::outbound {
namespace {

constexpr in_addr_t kStandInPublic = 0x7F000002;  // 127.0.0.2

bool stand_in_public(const sockaddr* address) {
  if (address->sa_family == AF_INET &&
      ntohl(reinterpret_cast<const sockaddr_in*>(address)->sin_addr.s_addr) == kStandInPublic)
    return true;
  return is_public_address(address);
}

// A listening TCP socket on `host` (network order) and a free port.
struct Listener {
  explicit Listener(in_addr_t host) {
    fd = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(host);
    if (bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 || listen(fd, 8) != 0)
      throw std::runtime_error("cannot listen");
    socklen_t size = sizeof address;
    getsockname(fd, reinterpret_cast<sockaddr*>(&address), &size);
    port = ntohs(address.sin_port);
  }
  ~Listener() { close(fd); }
  Listener(const Listener&) = delete;
  Listener& operator=(const Listener&) = delete;

  // Connections completed so far that nobody accepted (the kernel finishes handshakes itself).
  int pending_connections() const {
    fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
    int count = 0;
    while (true) {
      const int connection = accept(fd, nullptr, nullptr);
      if (connection < 0) return count;
      close(connection);
      ++count;
    }
  }

  int fd = -1;
  int port = 0;
};

// Answers one request with `answer`.
void answer_once(const Listener& station, const std::string& answer) {
  const int connection = accept(station.fd, nullptr, nullptr);
  if (connection < 0) return;
  char request[4096];
  [[maybe_unused]] const auto read_bytes = read(connection, request, sizeof request);
  [[maybe_unused]] const auto written = write(connection, answer.data(), answer.size());
  close(connection);
}

std::string redirect_to(const std::string& location) {
  return "HTTP/1.1 302 Found\r\nLocation: " + location +
         "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
}

CURLcode fetch_following_redirects(const std::string& url, TargetGuard& guard) {
  CURL* handle = curl_easy_init();
  curl_easy_setopt(handle, CURLOPT_URL, url.c_str());
  curl_easy_setopt(handle, CURLOPT_FOLLOWLOCATION, 1L);
  curl_easy_setopt(handle, CURLOPT_TIMEOUT_MS, 5000L);
  const curl_write_callback discard = [](char*, std::size_t size, std::size_t count, void*) {
    return size * count;
  };
  curl_easy_setopt(handle, CURLOPT_WRITEFUNCTION, discard);
  guard.install(handle);
  const auto result = curl_easy_perform(handle);
  curl_easy_cleanup(handle);
  return result;
}

TEST(RedirectGuard, APublicStationRedirectingToAPrivateAddressIsRefusedBeforeConnecting) {
  Listener station(kStandInPublic);
  Listener private_target(INADDR_LOOPBACK);
  std::thread answer(answer_once, std::cref(station),
                     redirect_to("http://127.0.0.1:" + std::to_string(private_target.port) + "/"));
  TargetGuard guard(false, &stand_in_public);
  const auto result =
      fetch_following_redirects("http://127.0.0.2:" + std::to_string(station.port) + "/", guard);
  answer.join();
  EXPECT_EQ(result, CURLE_COULDNT_CONNECT);
  EXPECT_EQ(
      guard.refusal(),
      "refused private address 127.0.0.1 (set NICECREAM_ALLOW_PRIVATE_TARGETS=true to allow)");
  EXPECT_EQ(private_target.pending_connections(), 0) << "the redirect's target was contacted";
}

TEST(RedirectGuard, AHopToTheStandInPublicAddressIsFollowedSoTheTestCanFail) {
  Listener station(kStandInPublic);
  Listener next_station(kStandInPublic);
  std::thread answer(answer_once, std::cref(station),
                     redirect_to("http://127.0.0.2:" + std::to_string(next_station.port) + "/"));
  std::thread next_answer(answer_once, std::cref(next_station),
                          "HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok");
  TargetGuard guard(false, &stand_in_public);
  const auto result =
      fetch_following_redirects("http://127.0.0.2:" + std::to_string(station.port) + "/", guard);
  answer.join();
  next_answer.join();
  EXPECT_EQ(result, CURLE_OK);
  EXPECT_TRUE(guard.refusal().empty()) << guard.refusal();
}

TEST(RedirectGuard, WithTheProductionRuleLoopbackIsRefusedOnTheFirstHop) {
  Listener station(kStandInPublic);
  TargetGuard guard(false);
  const auto result =
      fetch_following_redirects("http://127.0.0.2:" + std::to_string(station.port) + "/", guard);
  EXPECT_EQ(result, CURLE_COULDNT_CONNECT);
  EXPECT_EQ(
      guard.refusal(),
      "refused private address 127.0.0.2 (set NICECREAM_ALLOW_PRIVATE_TARGETS=true to allow)");
  EXPECT_EQ(station.pending_connections(), 0);
}

}  // namespace
}  // namespace nicecream::outbound
