#pragma once

#include <sys/socket.h>

#include <array>
#include <cstdint>
#include <optional>
#include <string>

namespace nicecream::outbound {

// Whether an address belongs to the public internet: not loopback, private (RFC 1918, unique
// local), link-local, carrier-grade NAT, multicast, unspecified, documentation, benchmarking or
// otherwise reserved. IPv6 forms that carry an IPv4 address (mapped, NAT64, 6to4) are judged by
// the address they carry.
bool is_public_ipv4(std::uint32_t address);  // host byte order
bool is_public_ipv6(const std::array<std::uint8_t, 16>& address);
bool is_public_address(const sockaddr* address);

// The numeric form of an address, for messages ("127.0.0.1", "::1"); empty if not IP.
std::string address_text(const sockaddr* address);

// Parses "203.0.113.7" or "2001:db8::1" into a socket address (tests, probes).
std::optional<sockaddr_storage> parse_ip(const std::string& text);

}  // namespace nicecream::outbound
