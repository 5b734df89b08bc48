#pragma once

#include <boost/json.hpp>
#include <map>
#include <memory>
#include <optional>
#include <string>

#include "integration/auth/sign_in_fixture.hpp"
#include "support/server/eventually.hpp"

namespace nicecream::testing {

// Admins by subject and by e-mail (in another case than the provider spells it); the test
// provider verifies every e-mail except those of logins starting "unverified".
inline const std::string kAdmins = "admin, Mail-Admin@EXAMPLE.test, unverified-x@example.test";

// A server with sign-in and API_ADMINS, and helpers that speak to the admin routes as a browser
// signed in as `login` does (the CSRF token echoed).
class AdminServerTest : public SignInServerTest {
 protected:
  void SetUp() override {
    const auto found = test_support::test_provider_from_environment();
    ASSERT_TRUE(found) << test_support::kStartTestProviderHint;
    provider = *found;
    auto env = sign_in_environment(provider, session_key);
    env["API_ADMINS"] = kAdmins;
    env["API_WRITE_RATE_PER_MINUTE"] = "40";
    for (auto& [name, value] : extra_environment()) env[name] = value;
    start(env);
  }

  virtual std::map<std::string, std::string> extra_environment() const { return {}; }

  struct Person {
    Browser browser;
    std::string csrf;
  };

  // A browser holds its connection, so people stay where they were signed in.
  std::unique_ptr<Person> signed_in(const std::string& login) {
    auto person = std::unique_ptr<Person>(new Person{browser(), ""});
    person->csrf = sign_in_ok(person->browser, login);
    return person;
  }

  // With the person's CSRF token, or `token` instead.
  static HttpResponse send(Person& person, const std::string& method, const std::string& target,
                           const std::string& body = "",
                           std::optional<std::string> token = std::nullopt) {
    std::map<std::string, std::string> headers{{"X-Csrf-Token", token.value_or(person.csrf)}};
    if (!body.empty()) headers["Content-Type"] = "application/json";
    return person.browser.request(method, target, body, headers);
  }

  // The channel named `name` as GET /channels shows it.
  std::optional<boost::json::object> listed(const std::string& name) {
    const auto channels = client->get("/channels").json();
    for (const auto& channel : channels.as_array())
      if (channel.at("name").as_string() == name) return channel.as_object();
    return std::nullopt;
  }

  static std::string state_of(const boost::json::object& channel) {
    return std::string(channel.at("status").at("state").as_string());
  }
};

}  // namespace nicecream::testing
