#include "api/common/cors.hpp"

#include <gtest/gtest.h>

#include <boost/beast/http/field.hpp>

namespace nicecream::api {
namespace {

namespace bhttp = boost::beast::http;

constexpr std::string_view kContractMethods = "OPTIONS,GET,POST,DELETE,PUT,PATCH";

std::string header(const http::Response& response, bhttp::field field) {
  return std::string(response.message[field]);
}

TEST(Cors, PreflightKeepsTheContractsMethodsForEveryRouteOfTheApi) {
  for (const auto* route_methods : {"GET", "GET, POST", "DELETE", ""})
    EXPECT_EQ(allowed_methods_header(route_methods), kContractMethods) << route_methods;
}

TEST(Cors, PreflightAddsAnyOtherMethodTheRouteAnswers) {
  EXPECT_EQ(allowed_methods_header("GET, HEAD"), std::string(kContractMethods) + ",HEAD");
  EXPECT_EQ(allowed_methods_header("QUERY,PUT"), std::string(kContractMethods) + ",QUERY");
}

TEST(Cors, APreflightCarriesEveryCorsHeaderOfTheContract) {
  const Cors cors({.allowed = true, .origin = "https://app.example"});
  auto response = cors.preflight("GET, POST");
  cors.add_headers(response);
  EXPECT_EQ(response.message.result(), bhttp::status::no_content);
  EXPECT_EQ(header(response, bhttp::field::access_control_allow_origin), "https://app.example");
  EXPECT_EQ(header(response, bhttp::field::access_control_allow_credentials), "true");
  EXPECT_EQ(header(response, bhttp::field::access_control_allow_methods), kContractMethods);
  EXPECT_EQ(header(response, bhttp::field::access_control_allow_headers),
            "Content-Type,X-Csrf-Token");
  EXPECT_EQ(header(response, bhttp::field::access_control_max_age), "600");
  EXPECT_EQ(header(response, bhttp::field::access_control_expose_headers), "Content-Length");
  EXPECT_EQ(header(response, bhttp::field::vary), "Origin");
}

TEST(Cors, AnyOtherAnswerCarriesTheSameValues) {
  const Cors cors({.allowed = true, .origin = "https://app.example"});
  auto response = http::make_response(bhttp::status::ok, "[]", "application/json");
  cors.add_headers(response);
  EXPECT_EQ(header(response, bhttp::field::access_control_allow_methods), kContractMethods);
  EXPECT_EQ(header(response, bhttp::field::access_control_max_age), "600");
  EXPECT_EQ(header(response, bhttp::field::access_control_allow_origin), "https://app.example");
}

TEST(Cors, ThePreflightsOwnMethodsAreKept) {
  const Cors cors({.allowed = true, .origin = "https://app.example"});
  auto response = cors.preflight("GET, HEAD");
  cors.add_headers(response);
  EXPECT_EQ(header(response, bhttp::field::access_control_allow_methods),
            std::string(kContractMethods) + ",HEAD");
}

}  // namespace
}  // namespace nicecream::api
