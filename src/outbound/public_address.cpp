#include "outbound/public_address.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>

#include <algorithm>
#include <cstring>
#include <initializer_list>

namespace nicecream::outbound {

namespace {

struct Ipv4Block {
  std::uint32_t network;
  int prefix;
};

constexpr std::uint32_t ipv4(int a, int b, int c, int d) {
  return (std::uint32_t(a) << 24) | (std::uint32_t(b) << 16) | (std::uint32_t(c) << 8) |
         std::uint32_t(d);
}

// IANA's special-purpose IPv4 registry, minus the blocks that are globally reachable.
constexpr Ipv4Block kNonPublicIpv4[] = {
    {ipv4(0, 0, 0, 0), 8},        // "this network"
    {ipv4(10, 0, 0, 0), 8},       // private
    {ipv4(100, 64, 0, 0), 10},    // carrier-grade NAT
    {ipv4(127, 0, 0, 0), 8},      // loopback
    {ipv4(169, 254, 0, 0), 16},   // link-local (cloud metadata services live here)
    {ipv4(172, 16, 0, 0), 12},    // private
    {ipv4(192, 0, 0, 0), 24},     // protocol assignments
    {ipv4(192, 0, 2, 0), 24},     // documentation
    {ipv4(192, 88, 99, 0), 24},   // deprecated 6to4 relay
    {ipv4(192, 168, 0, 0), 16},   // private
    {ipv4(198, 18, 0, 0), 15},    // benchmarking
    {ipv4(198, 51, 100, 0), 24},  // documentation
    {ipv4(203, 0, 113, 0), 24},   // documentation
    {ipv4(224, 0, 0, 0), 4},      // multicast
    {ipv4(240, 0, 0, 0), 4},      // reserved, and the broadcast address
};

bool in_block(std::uint32_t address, Ipv4Block block) {
  const std::uint32_t mask = block.prefix == 0 ? 0 : ~std::uint32_t{0} << (32 - block.prefix);
  return (address & mask) == block.network;
}

bool starts_with(const std::array<std::uint8_t, 16>& address,
                 std::initializer_list<std::uint8_t> bytes) {
  return std::equal(bytes.begin(), bytes.end(), address.begin());
}

std::uint32_t ipv4_at(const std::array<std::uint8_t, 16>& address, std::size_t offset) {
  return (std::uint32_t(address[offset]) << 24) | (std::uint32_t(address[offset + 1]) << 16) |
         (std::uint32_t(address[offset + 2]) << 8) | std::uint32_t(address[offset + 3]);
}

std::array<std::uint8_t, 16> bytes_of(const in6_addr& address) {
  std::array<std::uint8_t, 16> bytes{};
  std::memcpy(bytes.data(), &address, bytes.size());
  return bytes;
}

}  // namespace

bool is_public_ipv4(std::uint32_t address) {
  for (const auto block : kNonPublicIpv4)
    if (in_block(address, block)) return false;
  return true;
}

bool is_public_ipv6(const std::array<std::uint8_t, 16>& address) {
  constexpr std::array<std::uint8_t, 16> kUnspecified{};
  auto loopback = kUnspecified;
  loopback[15] = 1;
  if (address == kUnspecified || address == loopback) return false;
  // ::ffff:a.b.c.d (mapped), 64:ff9b::a.b.c.d (NAT64): the IPv4 address decides.
  if (starts_with(address, {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff}) ||
      starts_with(address, {0, 0x64, 0xff, 0x9b, 0, 0, 0, 0, 0, 0, 0, 0}))
    return is_public_ipv4(ipv4_at(address, 12));
  if (starts_with(address, {0x20, 0x02})) return is_public_ipv4(ipv4_at(address, 2));  // 6to4
  // ::a.b.c.d (deprecated compatible form) and the rest of ::/96.
  if (starts_with(address, {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0})) return false;
  const auto first = address[0];
  if ((first & 0xfe) == 0xfc) return false;                             // fc00::/7 unique local
  if (first == 0xfe && (address[1] & 0xc0) == 0x80) return false;       // fe80::/10 link-local
  if (first == 0xfe && (address[1] & 0xc0) == 0xc0) return false;       // fec0::/10 site-local
  if (first == 0xff) return false;                                      // multicast
  if (starts_with(address, {0x20, 0x01, 0x0d, 0xb8})) return false;     // documentation
  if (first == 0x3f && (address[1] & 0xf0) == 0xf0) return false;       // documentation, 3fff::/20
  if (starts_with(address, {0x01, 0, 0, 0, 0, 0, 0, 0})) return false;  // discard-only
  if (starts_with(address, {0x20, 0x01, 0, 0})) return false;           // Teredo
  // Only global unicast (2000::/3) is routed on the internet.
  return (first & 0xe0) == 0x20;
}

bool is_public_address(const sockaddr* address) {
  if (address == nullptr) return false;
  if (address->sa_family == AF_INET) {
    const auto* v4 = reinterpret_cast<const sockaddr_in*>(address);
    return is_public_ipv4(ntohl(v4->sin_addr.s_addr));
  }
  if (address->sa_family == AF_INET6) {
    const auto* v6 = reinterpret_cast<const sockaddr_in6*>(address);
    return is_public_ipv6(bytes_of(v6->sin6_addr));
  }
  return false;  // Unix sockets and anything else never reach a station
}

std::string address_text(const sockaddr* address) {
  char text[INET6_ADDRSTRLEN] = {};
  if (address == nullptr) return {};
  if (address->sa_family == AF_INET) {
    inet_ntop(AF_INET, &reinterpret_cast<const sockaddr_in*>(address)->sin_addr, text, sizeof text);
  } else if (address->sa_family == AF_INET6) {
    inet_ntop(AF_INET6, &reinterpret_cast<const sockaddr_in6*>(address)->sin6_addr, text,
              sizeof text);
  }
  return text;
}

std::optional<sockaddr_storage> parse_ip(const std::string& text) {
  sockaddr_storage storage{};
  auto* v4 = reinterpret_cast<sockaddr_in*>(&storage);
  if (inet_pton(AF_INET, text.c_str(), &v4->sin_addr) == 1) {
    v4->sin_family = AF_INET;
    return storage;
  }
  auto* v6 = reinterpret_cast<sockaddr_in6*>(&storage);
  if (inet_pton(AF_INET6, text.c_str(), &v6->sin6_addr) == 1) {
    v6->sin6_family = AF_INET6;
    return storage;
  }
  return std::nullopt;
}

}  // namespace nicecream::outbound
