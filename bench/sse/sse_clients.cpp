// Many SSE clients on one epoll loop: connects them all to /history/events, says "ready" on
// stdout once every one is subscribed, then times each history event it receives against the
// item's created_at. Built and driven by bench/sse/run and bench/soak/run; libc only.
//
//   sse_clients <port> <clients> <items per client> [idle seconds] [connect batch]
//               [--last-event-id <id>] [--reconnect] [--save-event <file>] [--source <ip>]
//               [--gather-us <microseconds>]
//
// items 0: run until SIGTERM or SIGINT, then print the totals (idle seconds is then unused).
// --last-event-id: every client asks for a replay of what followed <id> (the Last-Event-ID
// header), so each one should receive every item after it, none twice.
// --reconnect: a stream the server closes is opened again after its `retry:` delay, with the
// client's last id, as a browser's EventSource does (a non-200 answer is final, as there).
// --source: connect from this loopback address (127.0.0.2, ...): one source address has about
// 28,000 ephemeral ports towards one server port, so 100,000 clients need several (bench/sse/
// hundred_thousand).
// --gather-us: after a wait that returned events, sleep this long before the next (receiving only):
// the servers' sends then find the process awake or asleep elsewhere, not waiting in epoll_wait,
// so a send does not also pay for waking a client that the same machine runs (bench/sse/
// hundred_thousand: waking the clients was half of the servers' kernel time). Adds at most that
// much to a measured latency.
// --save-event: the first event's JSON (its data line) is written to <file>, so a peer server can
// be sent items of the very same shape and size (bench/sse/run publishes them to nginx + nchan).
//
// The same program measures nginx's nchan module (bench/sse/run): nchan greets a subscriber with
// ": hi" where we send ": live", and its ids are "<time>:<n>", not a sequence; an event whose id is
// not a plain number is ordered by its JSON's leading "id" instead (the run publishes 1, 2, ...).
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <signal.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

volatile std::sig_atomic_t stop_requested = 0;
extern "C" void request_stop(int) {
  stop_requested = 1;
}

std::int64_t wall_micros() {
  return std::chrono::duration_cast<std::chrono::microseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

// "2026-11-27T19:57:07.590829+00:00" (the server always writes UTC) -> microseconds since epoch;
// 0 when it is not such a time. Parsed by hand: the clients read every event of every stream, and
// sscanf (and the copy it needed) was a few per cent of their CPU at 100,000 streams.
std::int64_t parse_created_at(std::string_view text) {
  std::size_t at = 0;
  const auto digits = [&](std::size_t count) -> std::int64_t {
    if (at + count > text.size()) return -1;
    std::int64_t value = 0;
    for (std::size_t end = at + count; at < end; ++at) {
      if (text[at] < '0' || text[at] > '9') return -1;
      value = value * 10 + (text[at] - '0');
    }
    return value;
  };
  const auto separator = [&](char expected) { return at < text.size() && text[at++] == expected; };
  const auto year = digits(4);
  if (year < 0 || !separator('-')) return 0;
  const auto month = digits(2);
  if (month < 1 || month > 12 || !separator('-')) return 0;
  const auto day = digits(2);
  if (day < 1 || !separator('T')) return 0;
  const auto hour = digits(2);
  if (hour < 0 || !separator(':')) return 0;
  const auto minute = digits(2);
  if (minute < 0 || !separator(':')) return 0;
  const auto second = digits(2);
  if (second < 0) return 0;
  std::int64_t micros = 0;
  if (at < text.size() && text[at] == '.') {
    ++at;
    for (std::int64_t scale = 100000; at < text.size() && text[at] >= '0' && text[at] <= '9';
         ++at, scale /= 10)
      micros += (text[at] - '0') * scale;
  }
  using namespace std::chrono;
  const sys_days date{year_month_day{std::chrono::year{static_cast<int>(year)},
                                     std::chrono::month{static_cast<unsigned>(month)},
                                     std::chrono::day{static_cast<unsigned>(day)}}};
  const auto at_time =
      date + hours{hour} + minutes{minute} + seconds{second} + microseconds{micros};
  return duration_cast<microseconds>(at_time.time_since_epoch()).count();
}

struct Client {
  int fd = -1;
  bool request_sent = false;
  bool head_read = false;
  bool refused = false;     // answered, but not 200: final, as for EventSource
  bool subscribed = false;  // the server's ": live" preamble arrived once: it listens on the bus
  bool closed = false;
  bool waiting = false;  // closed, to be reopened at reconnect_at (--reconnect)
  std::string pending;
  std::int64_t last_id = 0;  // sent back as Last-Event-ID when not 0
  std::int64_t events = 0;   // in order
  int retry_ms = 3000;       // the server's latest `retry:`, EventSource's wait before reconnecting
  Clock::time_point reconnect_at{};
};

// Latencies in 0.1 ms buckets (the precision printed) up to a minute, so a run of any length
// needs the same memory; the maximum is kept exactly.
class LatencyHistogram {
 public:
  void add(std::int64_t micros) {
    const auto bucket = static_cast<std::size_t>(std::max<std::int64_t>(0, micros) / 100);
    ++counts_[std::min(bucket, counts_.size() - 1)];
    ++total_;
    max_ = std::max(max_, micros);
  }
  std::int64_t percentile(double fraction) const {
    if (total_ == 0) return 0;
    const auto rank = static_cast<std::int64_t>(fraction * static_cast<double>(total_ - 1));
    std::int64_t seen = 0;
    for (std::size_t bucket = 0; bucket < counts_.size(); ++bucket) {
      seen += counts_[bucket];
      if (seen > rank) return std::min(static_cast<std::int64_t>(bucket) * 100, max_);
    }
    return max_;
  }
  std::int64_t max() const { return max_; }

 private:
  std::vector<std::int64_t> counts_ = std::vector<std::int64_t>(600'001);
  std::int64_t total_ = 0;
  std::int64_t max_ = 0;
};

struct Totals {
  std::int64_t subscribed = 0;
  std::int64_t closed = 0;  // streams that ended (each time, with --reconnect)
  std::int64_t refused = 0;
  std::int64_t reconnects = 0;
  std::int64_t waiting = 0;  // clients waiting to reconnect
  std::int64_t events = 0;
  std::int64_t out_of_order = 0;  // an id not above the client's previous one (duplicate or late)
  std::int64_t gaps = 0;          // ids skipped between two of a client's events (ids are dense)
  LatencyHistogram latencies;
  Clock::time_point last_event = Clock::now();
  Clock::time_point first_event{};
};

std::optional<sockaddr_in> source_address;

int connect_one(const sockaddr_in& address) {
  const int fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
  if (fd < 0) return -1;
  const int one = 1;
  setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  if (source_address &&
      bind(fd, reinterpret_cast<const sockaddr*>(&*source_address), sizeof *source_address) != 0) {
    close(fd);
    return -1;
  }
  if (connect(fd, reinterpret_cast<const sockaddr*>(&address), sizeof address) != 0 &&
      errno != EINPROGRESS) {
    close(fd);
    return -1;
  }
  return fd;
}

// An `id:` value: a plain number is our history id; anything else (nchan's "<time>:<n>") is -1.
std::int64_t sequence_id(std::string_view text) {
  if (text.empty() ||
      !std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; }))
    return -1;
  return std::strtoll(std::string(text).c_str(), nullptr, 10);
}

// The N of a JSON object that starts with {"id":N (ours do; so do the items sent to nchan).
std::int64_t leading_json_id(std::string_view data) {
  constexpr std::string_view prefix = "{\"id\":";
  if (!data.starts_with(prefix)) return 0;
  return std::strtoll(std::string(data.substr(prefix.size(), 24)).c_str(), nullptr, 10);
}

std::string save_event_path;

void save_event(std::string_view data) {
  if (FILE* file = std::fopen(save_event_path.c_str(), "w")) {
    std::fprintf(file, "%.*s\n", static_cast<int>(data.size()), data.data());
    std::fclose(file);
  }
}

// One complete event (its lines, without the blank line that ended it).
void take_event(std::string_view event, Client& client, Totals& totals) {
  std::int64_t id = 0;
  std::string_view data;
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
    if (line.starts_with("id: ")) id = sequence_id(line.substr(4));
    if (line.starts_with("retry: "))
      client.retry_ms = std::atoi(std::string(line.substr(7)).c_str());
    if (line.starts_with("data: ")) {
      data = line.substr(6);
      const auto key = line.find("\"created_at\":\"");
      if (key != std::string_view::npos) created = parse_created_at(line.substr(key + 14));
    }
  }
  if (id < 0) id = leading_json_id(data);
  const bool greeting = event.starts_with(": live") || event.starts_with(": hi");
  if (greeting && !client.subscribed) {
    client.subscribed = true;
    ++totals.subscribed;
  }
  if (is_comment_only || id == 0) return;  // preamble, heartbeat or a bare retry
  const auto now = wall_micros();
  if (!save_event_path.empty() && totals.events == 0) save_event(data);
  if (totals.events == 0) totals.first_event = Clock::now();
  totals.last_event = Clock::now();
  ++totals.events;
  totals.latencies.add(now - created);
  if (id <= client.last_id) {
    ++totals.out_of_order;
    return;
  }
  if (client.last_id > 0) totals.gaps += id - client.last_id - 1;
  ++client.events;
  client.last_id = id;
}

// Reads what the socket holds; the response head is skipped, events handed to take_event.
void read_from(Client& client, Totals& totals) {
  char chunk[16384];
  bool ended = false;
  for (;;) {
    const auto got = recv(client.fd, chunk, sizeof chunk, 0);
    if (got > 0) {
      client.pending.append(chunk, static_cast<std::size_t>(got));
      // A short read emptied the socket: what arrives later is a new edge (EPOLLET), so the
      // recv that would only say EAGAIN is saved, one system call per event.
      if (static_cast<std::size_t>(got) < sizeof chunk) break;
      continue;
    }
    ended = !(got < 0 && (errno == EAGAIN || errno == EWOULDBLOCK));
    break;
  }
  if (!client.head_read) {
    const auto head_end = client.pending.find("\r\n\r\n");
    if (head_end != std::string::npos) {
      client.head_read = true;
      client.refused = !client.pending.starts_with("HTTP/1.1 200");
      if (client.refused) ++totals.refused;
      client.pending.erase(0, head_end + 4);
    }
  }
  if (client.head_read && !client.refused) {
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
  const auto resume =
      client.last_id > 0 ? "Last-Event-ID: " + std::to_string(client.last_id) + "\r\n" : "";
  const std::string request =
      "GET /history/events HTTP/1.1\r\nHost: 127.0.0.1:" + std::to_string(port) +
      "\r\nAccept: text/event-stream\r\n" + resume + "\r\n";
  if (send(client.fd, request.data(), request.size(), MSG_NOSIGNAL) ==
      static_cast<ssize_t>(request.size()))
    client.request_sent = true;
}

// Opens (or reopens) client `index`'s connection and watches it; false if the socket failed.
bool open_client(int poller, const sockaddr_in& address, std::vector<Client>& clients,
                 std::uint32_t index) {
  auto& client = clients[index];
  client.fd = connect_one(address);
  if (client.fd < 0) return false;
  client.request_sent = client.head_read = client.closed = false;
  client.pending.clear();
  epoll_event interest{EPOLLOUT | EPOLLIN, {}};
  interest.data.u32 = index;
  epoll_ctl(poller, EPOLL_CTL_ADD, client.fd, &interest);
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string_view> positional;
  std::int64_t last_event_id = 0;
  bool reconnect = false;
  long gather_us = 0;
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg == "--reconnect") {
      reconnect = true;
    } else if (arg == "--save-event" && i + 1 < argc) {
      save_event_path = argv[++i];
    } else if (arg == "--gather-us" && i + 1 < argc) {
      gather_us = std::atol(argv[++i]);
    } else if (arg == "--source" && i + 1 < argc) {
      source_address = sockaddr_in{};
      source_address->sin_family = AF_INET;
      if (inet_pton(AF_INET, argv[++i], &source_address->sin_addr) != 1) {
        std::fprintf(stderr, "--source: not an IPv4 address: %s\n", argv[i]);
        return 2;
      }
    } else if (arg == "--last-event-id" && i + 1 < argc) {
      last_event_id = std::atoll(argv[++i]);
    } else {
      positional.push_back(arg);
    }
  }
  if (positional.size() < 3) {
    std::fprintf(stderr,
                 "usage: %s <port> <clients> <items, 0: until SIGTERM> [idle seconds] [batch] "
                 "[--last-event-id <id>] [--reconnect] [--save-event <file>] [--source <ip>] "
                 "[--gather-us <microseconds>]\n",
                 argv[0]);
    return 2;
  }
  const auto number = [&](std::size_t index, long long fallback) {
    return index < positional.size() ? std::atoll(std::string(positional[index]).c_str())
                                     : fallback;
  };
  const auto port = static_cast<std::uint16_t>(number(0, 0));
  const int wanted = static_cast<int>(number(1, 0));
  const std::int64_t items = number(2, 0);
  const int idle_seconds = static_cast<int>(number(3, 20));
  const int batch = static_cast<int>(number(4, 500));
  const bool until_signalled = items == 0;

  struct sigaction on_stop {};
  on_stop.sa_handler = request_stop;  // no SA_RESTART: epoll_wait returns at once
  sigaction(SIGTERM, &on_stop, nullptr);
  sigaction(SIGINT, &on_stop, nullptr);

  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(port);
  inet_pton(AF_INET, "127.0.0.1", &address.sin_addr);

  const int poller = epoll_create1(0);
  std::vector<Client> clients(static_cast<std::size_t>(wanted));
  for (auto& client : clients) client.last_id = last_event_id;
  Totals totals;
  std::vector<epoll_event> ready(4096);

  const auto wait_once = [&](int timeout_ms, long gather_for_us) {
    const int count = epoll_wait(poller, ready.data(), static_cast<int>(ready.size()), timeout_ms);
    for (int i = 0; i < count; ++i) {
      auto& client = clients[ready[i].data.u32];
      if (client.closed) continue;
      if (!client.request_sent && (ready[i].events & EPOLLOUT)) {
        send_request(client, port);
        // Edge-triggered from here: a level-triggered socket is polled again at every wait
        // after it was ready (a tenth of the clients' CPU at 100,000 streams).
        epoll_event interest{EPOLLIN | EPOLLET, {}};
        interest.data.u32 = ready[i].data.u32;
        epoll_ctl(poller, EPOLL_CTL_MOD, client.fd, &interest);
      }
      if (ready[i].events & (EPOLLIN | EPOLLHUP | EPOLLERR)) read_from(client, totals);
      if (client.closed && reconnect && !client.refused && !stop_requested) {
        client.waiting = true;
        client.reconnect_at = Clock::now() + std::chrono::milliseconds(client.retry_ms);
        ++totals.waiting;
      }
    }
    if (count > 0 && gather_for_us > 0)
      std::this_thread::sleep_for(std::chrono::microseconds(gather_for_us));
    if (totals.waiting == 0 || stop_requested) return;
    const auto now = Clock::now();
    for (std::size_t index = 0; index < clients.size(); ++index) {
      auto& client = clients[index];
      if (!client.waiting || client.reconnect_at > now) continue;
      ++totals.reconnects;
      if (open_client(poller, address, clients, static_cast<std::uint32_t>(index))) {
        client.waiting = false;
        --totals.waiting;
      } else {
        client.reconnect_at = now + std::chrono::milliseconds(client.retry_ms);
      }
    }
  };

  // Connect in batches, each subscribed before the next, so the listen backlog never overflows.
  const auto connect_started = Clock::now();
  int opened = 0;
  while (opened < wanted && !stop_requested) {
    const int upto = std::min(wanted, opened + batch);
    for (; opened < upto; ++opened) {
      if (!open_client(poller, address, clients, static_cast<std::uint32_t>(opened))) {
        std::fprintf(stderr, "connect %d failed: %s\n", opened, std::strerror(errno));
        return 1;
      }
    }
    const auto deadline = Clock::now() + std::chrono::seconds(30);
    while (totals.subscribed + totals.closed < upto && Clock::now() < deadline && !stop_requested)
      wait_once(100, 0);
  }
  const auto connect_seconds =
      std::chrono::duration<double>(Clock::now() - connect_started).count();
  std::printf("ready %lld %lld %.2f\n", static_cast<long long>(totals.subscribed),
              static_cast<long long>(totals.closed), connect_seconds);
  std::fflush(stdout);

  // Receive until everything arrived, or nothing has for `idle_seconds` (counted from "ready"
  // until the first event, so a slow publisher start is not mistaken for the end); with items 0,
  // until a signal.
  const std::int64_t expected = static_cast<std::int64_t>(wanted) * items;
  totals.last_event = Clock::now();
  while (!stop_requested &&
         (until_signalled || (totals.events < expected && Clock::now() - totals.last_event <
                                                              std::chrono::seconds(idle_seconds))))
    wait_once(100, gather_us);

  const auto ms = [](std::int64_t micros) { return static_cast<double>(micros) / 1000.0; };
  std::printf("clients %d subscribed %lld closed %lld\n", wanted,
              static_cast<long long>(totals.subscribed), static_cast<long long>(totals.closed));
  if (until_signalled) {
    std::printf("deliveries %lld out_of_order %lld gaps %lld\n",
                static_cast<long long>(totals.events), static_cast<long long>(totals.out_of_order),
                static_cast<long long>(totals.gaps));
  } else {
    std::printf("deliveries %lld expected %lld lost %lld out_of_order %lld\n",
                static_cast<long long>(totals.events), static_cast<long long>(expected),
                static_cast<long long>(expected - totals.events),
                static_cast<long long>(totals.out_of_order));
  }
  std::printf("latency_ms p50 %.1f p99 %.1f max %.1f\n", ms(totals.latencies.percentile(0.50)),
              ms(totals.latencies.percentile(0.99)), ms(totals.latencies.max()));
  std::printf("connect_seconds %.2f\n", connect_seconds);
  // Per client, in order: every client should end on the same last id with the same count.
  const auto [fewest, most] =
      std::minmax_element(clients.begin(), clients.end(),
                          [](const Client& a, const Client& b) { return a.events < b.events; });
  const auto [lowest, highest] =
      std::minmax_element(clients.begin(), clients.end(),
                          [](const Client& a, const Client& b) { return a.last_id < b.last_id; });
  if (wanted > 0)
    std::printf("per_client events_min %lld events_max %lld last_id_min %lld last_id_max %lld\n",
                static_cast<long long>(fewest->events), static_cast<long long>(most->events),
                static_cast<long long>(lowest->last_id), static_cast<long long>(highest->last_id));
  std::printf("streams reconnects %lld refused %lld waiting %lld\n",
              static_cast<long long>(totals.reconnects), static_cast<long long>(totals.refused),
              static_cast<long long>(totals.waiting));
  if (until_signalled) return totals.out_of_order == 0 && totals.gaps == 0 ? 0 : 1;
  return totals.events == expected ? 0 : 1;
}
