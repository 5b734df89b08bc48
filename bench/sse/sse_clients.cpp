// Many SSE clients on one epoll loop: connects them all to /history/events, says "ready" on
// stdout once every one is subscribed, then times each history event it receives against the
// item's created_at. Built and driven by bench/sse/run; no dependencies beyond libc.
//
//   sse_clients <port> <clients> <items per client> [idle seconds] [connect batch]
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <string>
#include <string_view>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

std::int64_t wall_micros() {
  return std::chrono::duration_cast<std::chrono::microseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

// "2026-11-27T19:57:07.590829+00:00" (the server always writes UTC) -> microseconds since epoch.
std::int64_t parse_created_at(std::string_view text) {
  std::tm parts{};
  int micros = 0;
  const std::string copy(text);
  if (std::sscanf(copy.c_str(), "%d-%d-%dT%d:%d:%d.%6d", &parts.tm_year, &parts.tm_mon,
                  &parts.tm_mday, &parts.tm_hour, &parts.tm_min, &parts.tm_sec, &micros) < 6)
    return 0;
  parts.tm_year -= 1900;
  parts.tm_mon -= 1;
  return static_cast<std::int64_t>(timegm(&parts)) * 1000000 + micros;
}

struct Client {
  int fd = -1;
  bool request_sent = false;
  bool head_read = false;
  bool subscribed = false;  // the server's ": live" preamble arrived: it listens on the bus
  bool closed = false;
  std::string pending;
  std::int64_t last_id = 0;
  std::int64_t events = 0;
};

struct Totals {
  std::int64_t subscribed = 0;
  std::int64_t closed = 0;
  std::int64_t events = 0;
  std::int64_t out_of_order = 0;  // an id not above the client's previous one (duplicate or late)
  std::vector<std::int64_t> latencies;  // microseconds
  Clock::time_point last_event = Clock::now();
  Clock::time_point first_event{};
};

int connect_one(const sockaddr_in& address) {
  const int fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
  if (fd < 0) return -1;
  const int one = 1;
  setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  if (connect(fd, reinterpret_cast<const sockaddr*>(&address), sizeof address) != 0 &&
      errno != EINPROGRESS) {
    close(fd);
    return -1;
  }
  return fd;
}

// One complete event (its lines, without the blank line that ended it).
void take_event(std::string_view event, Client& client, Totals& totals) {
  std::int64_t id = 0;
  std::int64_t created = 0;
  bool is_comment_only = true;
  std::size_t at = 0;
  while (at < event.size()) {
    auto end = event.find('\n', at);
    if (end == std::string_view::npos) end = event.size();
    const auto line = event.substr(at, end - at);
    at = end + 1;
    if (line.empty() || line.front() == ':') continue;
    is_comment_only = false;
    if (line.starts_with("id: "))
      id = std::strtoll(std::string(line.substr(4)).c_str(), nullptr, 10);
    if (line.starts_with("data: ")) {
      const auto key = line.find("\"created_at\":\"");
      if (key != std::string_view::npos) created = parse_created_at(line.substr(key + 14));
    }
  }
  if (event.find(": live") != std::string_view::npos && !client.subscribed) {
    client.subscribed = true;
    ++totals.subscribed;
  }
  if (is_comment_only || id == 0) return;  // preamble, heartbeat or a bare retry
  const auto now = wall_micros();
  if (totals.events == 0) totals.first_event = Clock::now();
  totals.last_event = Clock::now();
  ++totals.events;
  ++client.events;
  if (id <= client.last_id) ++totals.out_of_order;
  client.last_id = id;
  totals.latencies.push_back(now - created);
}

// Reads what the socket holds; the response head is skipped, events handed to take_event.
void read_from(Client& client, Totals& totals) {
  char chunk[16384];
  bool ended = false;
  for (;;) {
    const auto got = recv(client.fd, chunk, sizeof chunk, 0);
    if (got > 0) {
      client.pending.append(chunk, static_cast<std::size_t>(got));
      continue;
    }
    ended = !(got < 0 && (errno == EAGAIN || errno == EWOULDBLOCK));
    break;
  }
  if (!client.head_read) {
    const auto head_end = client.pending.find("\r\n\r\n");
    if (head_end != std::string::npos) {
      client.head_read = true;
      client.pending.erase(0, head_end + 4);
    }
  }
  if (client.head_read) {
    std::size_t at = 0;
    for (auto end = client.pending.find("\n\n"); end != std::string::npos;
         end = client.pending.find("\n\n", at)) {
      take_event(std::string_view(client.pending).substr(at, end - at), client, totals);
      at = end + 2;
    }
    client.pending.erase(0, at);
  }
  if (ended) {
    ++totals.closed;
    client.closed = true;
    close(client.fd);
  }
}

void send_request(Client& client, std::uint16_t port) {
  const std::string request =
      "GET /history/events HTTP/1.1\r\nHost: 127.0.0.1:" + std::to_string(port) +
      "\r\nAccept: text/event-stream\r\n\r\n";
  if (send(client.fd, request.data(), request.size(), MSG_NOSIGNAL) ==
      static_cast<ssize_t>(request.size()))
    client.request_sent = true;
}

std::int64_t percentile(const std::vector<std::int64_t>& sorted, double fraction) {
  if (sorted.empty()) return 0;
  const auto index = static_cast<std::size_t>(fraction * static_cast<double>(sorted.size() - 1));
  return sorted[index];
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 4) {
    std::fprintf(stderr, "usage: %s <port> <clients> <items> [idle seconds] [batch]\n", argv[0]);
    return 2;
  }
  const auto port = static_cast<std::uint16_t>(std::atoi(argv[1]));
  const int wanted = std::atoi(argv[2]);
  const std::int64_t items = std::atoll(argv[3]);
  const int idle_seconds = argc > 4 ? std::atoi(argv[4]) : 20;
  const int batch = argc > 5 ? std::atoi(argv[5]) : 500;

  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(port);
  inet_pton(AF_INET, "127.0.0.1", &address.sin_addr);

  const int poller = epoll_create1(0);
  std::vector<Client> clients(static_cast<std::size_t>(wanted));
  Totals totals;
  totals.latencies.reserve(static_cast<std::size_t>(wanted) * static_cast<std::size_t>(items));
  std::vector<epoll_event> ready(4096);

  const auto wait_once = [&](int timeout_ms) {
    const int count = epoll_wait(poller, ready.data(), static_cast<int>(ready.size()), timeout_ms);
    for (int i = 0; i < count; ++i) {
      auto& client = clients[ready[i].data.u32];
      if (client.closed) continue;
      if (!client.request_sent && (ready[i].events & EPOLLOUT)) {
        send_request(client, port);
        epoll_event interest{EPOLLIN, {}};
        interest.data.u32 = ready[i].data.u32;
        epoll_ctl(poller, EPOLL_CTL_MOD, client.fd, &interest);
      }
      if (ready[i].events & (EPOLLIN | EPOLLHUP | EPOLLERR)) read_from(client, totals);
    }
  };

  // Connect in batches, each subscribed before the next, so the listen backlog never overflows.
  const auto connect_started = Clock::now();
  int opened = 0;
  while (opened < wanted) {
    const int upto = std::min(wanted, opened + batch);
    for (; opened < upto; ++opened) {
      auto& client = clients[static_cast<std::size_t>(opened)];
      client.fd = connect_one(address);
      if (client.fd < 0) {
        std::fprintf(stderr, "connect %d failed: %s\n", opened, std::strerror(errno));
        return 1;
      }
      epoll_event interest{EPOLLOUT | EPOLLIN, {}};
      interest.data.u32 = static_cast<std::uint32_t>(opened);
      epoll_ctl(poller, EPOLL_CTL_ADD, client.fd, &interest);
    }
    const auto deadline = Clock::now() + std::chrono::seconds(30);
    while (totals.subscribed + totals.closed < upto && Clock::now() < deadline) wait_once(100);
  }
  const auto connect_seconds =
      std::chrono::duration<double>(Clock::now() - connect_started).count();
  std::printf("ready %lld %lld %.2f\n", static_cast<long long>(totals.subscribed),
              static_cast<long long>(totals.closed), connect_seconds);
  std::fflush(stdout);

  // Receive until everything arrived, or nothing has for `idle_seconds` (counted from "ready"
  // until the first event, so a slow publisher start is not mistaken for the end).
  const std::int64_t expected = static_cast<std::int64_t>(wanted) * items;
  totals.last_event = Clock::now();
  while (totals.events < expected &&
         Clock::now() - totals.last_event < std::chrono::seconds(idle_seconds))
    wait_once(100);

  std::sort(totals.latencies.begin(), totals.latencies.end());
  const auto ms = [](std::int64_t micros) { return static_cast<double>(micros) / 1000.0; };
  std::printf("clients %d subscribed %lld closed %lld\n", wanted,
              static_cast<long long>(totals.subscribed), static_cast<long long>(totals.closed));
  std::printf("deliveries %lld expected %lld lost %lld out_of_order %lld\n",
              static_cast<long long>(totals.events), static_cast<long long>(expected),
              static_cast<long long>(expected - totals.events),
              static_cast<long long>(totals.out_of_order));
  std::printf("latency_ms p50 %.1f p99 %.1f max %.1f\n", ms(percentile(totals.latencies, 0.50)),
              ms(percentile(totals.latencies, 0.99)),
              ms(totals.latencies.empty() ? 0 : totals.latencies.back()));
  std::printf("connect_seconds %.2f\n", connect_seconds);
  return totals.events == expected ? 0 : 1;
}
