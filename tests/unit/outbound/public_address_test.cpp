#include "outbound/public_address.hpp"

#include <gtest/gtest.h>

namespace nicecream::outbound {
namespace {

bool is_public(const std::string& text) {
  const auto address = parse_ip(text);
  EXPECT_TRUE(address) << text;
  return address && is_public_address(reinterpret_cast<const sockaddr*>(&*address));
}

TEST(PublicAddress, InternetAddressesArePublic) {
  for (const auto* text :
       {"1.1.1.1", "8.8.8.8", "93.184.216.34", "100.63.255.255", "100.128.0.0", "172.15.255.255",
        "172.32.0.0", "192.169.0.1", "223.255.255.255", "2606:4700:4700::1111",
        "2a00:1450:4001::200e", "::ffff:8.8.8.8", "64:ff9b::808:808", "2002:808:808::1"})
    EXPECT_TRUE(is_public(text)) << text;
}

TEST(PublicAddress, LoopbackPrivateLinkLocalAndReservedAreNot) {
  for (const auto* text : {"127.0.0.1",
                           "127.255.255.254",
                           "0.0.0.0",
                           "10.1.2.3",
                           "172.16.0.1",
                           "172.31.255.255",
                           "192.168.1.1",
                           "169.254.169.254",
                           "100.64.0.1",
                           "192.0.0.8",
                           "192.0.2.1",
                           "198.18.0.1",
                           "198.51.100.7",
                           "203.0.113.9",
                           "224.0.0.1",
                           "239.255.255.250",
                           "240.0.0.1",
                           "255.255.255.255",
                           "::",
                           "::1",
                           "fc00::1",
                           "fd12:3456::1",
                           "fe80::1",
                           "fec0::1",
                           "ff02::1",
                           "2001:db8::1",
                           "2001:0:4136:e378::1",
                           "100::1",
                           "::ffff:127.0.0.1",
                           "::ffff:10.0.0.1",
                           "64:ff9b::a9fe:a9fe",
                           "2002:7f00:1::1",
                           "::127.0.0.1",
                           "3fff::1"})
    EXPECT_FALSE(is_public(text)) << text;
}

TEST(PublicAddress, NamesTheAddressItJudged) {
  const auto v4 = parse_ip("169.254.169.254");
  const auto v6 = parse_ip("fe80::1");
  ASSERT_TRUE(v4 && v6);
  EXPECT_EQ(address_text(reinterpret_cast<const sockaddr*>(&*v4)), "169.254.169.254");
  EXPECT_EQ(address_text(reinterpret_cast<const sockaddr*>(&*v6)), "fe80::1");
  EXPECT_FALSE(parse_ip("localhost"));
  EXPECT_FALSE(is_public_address(nullptr));
}

}  // namespace
}  // namespace nicecream::outbound
