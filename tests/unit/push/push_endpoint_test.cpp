#include "push/push_endpoint.hpp"

#include <gtest/gtest.h>

namespace nicecream::push {
namespace {

TEST(PushEndpoint, OriginIsTheAudience) {
  EXPECT_EQ(endpoint_origin("https://fcm.googleapis.com/fcm/send/abc:def", false),
            "https://fcm.googleapis.com");
  EXPECT_EQ(endpoint_origin("https://push.example.net:8443/w/1?x=y", false),
            "https://push.example.net:8443");
  EXPECT_EQ(endpoint_origin("http://127.0.0.1:5000/push/1", true), "http://127.0.0.1:5000");
}

TEST(PushEndpoint, RefusesWhatIsNotAnHttpsUrl) {
  EXPECT_FALSE(endpoint_origin("http://push.example.net/w/1", false));
  EXPECT_FALSE(endpoint_origin("ftp://push.example.net/w/1", true));
  EXPECT_FALSE(endpoint_origin("https://user:pass@push.example.net/w/1", false));
  EXPECT_FALSE(endpoint_origin("/push/1", true));
  EXPECT_FALSE(endpoint_origin("https:///nohost", false));
  EXPECT_FALSE(endpoint_origin("not a url", false));
  EXPECT_FALSE(endpoint_origin("x:?", false));
  EXPECT_FALSE(
      endpoint_origin("https://push.example.net/" + std::string(kMaxEndpointBytes, 'a'), false));
}

}  // namespace
}  // namespace nicecream::push
