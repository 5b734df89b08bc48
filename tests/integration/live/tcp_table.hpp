#pragma once

#include <sys/socket.h>

#include <cstdint>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>

namespace nicecream::testing {

// One IPv4 connection as the kernel lists it in /proc/net/tcp: what is still queued on each side
// shows whether a peer keeps up, without touching the socket.
struct TcpEntry {
  int state = 0;             // 1 established, 4 FIN_WAIT1, 8 CLOSE_WAIT, ...
  std::uint64_t unsent = 0;  // tx_queue: written but not yet acknowledged by the peer
  std::uint64_t unread = 0;  // rx_queue: received but not yet read by the application
};

inline constexpr int kTcpEstablished = 1;

// The connection whose local end has `local_port` and remote end `remote_port` (both loopback).
inline std::optional<TcpEntry> tcp_entry(std::uint16_t local_port, std::uint16_t remote_port) {
  std::ifstream table("/proc/net/tcp");
  std::string line;
  std::getline(table, line);  // header
  while (std::getline(table, line)) {
    std::istringstream fields(line);
    std::string slot, local, remote, state, queues;
    fields >> slot >> local >> remote >> state >> queues;
    const auto port_of = [](const std::string& address) {
      return static_cast<std::uint16_t>(
          std::stoul(address.substr(address.find(':') + 1), nullptr, 16));
    };
    if (port_of(local) != local_port || port_of(remote) != remote_port) continue;
    const auto colon = queues.find(':');
    return TcpEntry{std::stoi(state, nullptr, 16),
                    std::stoull(queues.substr(0, colon), nullptr, 16),
                    std::stoull(queues.substr(colon + 1), nullptr, 16)};
  }
  return std::nullopt;
}

}  // namespace nicecream::testing
