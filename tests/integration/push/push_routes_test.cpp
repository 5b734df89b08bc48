// GET /push/vapid-public-key and POST/DELETE /user/push-subscriptions against the real binary,
// signed in through the test OpenID provider, on both engines: who may call them (401, CSRF),
// 201/200/204/404, every 422, and an endpoint moving to the user who subscribes it last.
#include "integration/admin/admin_fixture.hpp"

namespace nicecream::testing {
namespace {

namespace json = boost::json;

// RFC 8291 Appendix A's keys: the server's pair, and a browser's public key and auth secret.
constexpr std::string_view kServerPrivate = "yfWPiYE-n46HLnH0KqZOF1fJJU3MYrct3AELtAQ-oRw";
constexpr std::string_view kServerPublic =
    "BP4z9KsN6nGRTbVYI_c7VJSPQTBtkgcy27mlmlMoZIIgDll6e3vCYLocInmYWAmS6TlzAC8wEqKK6PBru3jl7A8";
const std::string kP256dh =
    "BCVxsr7N_eNgVRqvHtD0zTZsEc6-VV-JvLexhqUzORcxaOzi6-AYWXvTBHm4bjyPjs7Vd8pZGH6SRpkNtoIAiw4";
const std::string kAuth = "BTBZMqHH6r4Tts7J_aSIgg";

std::string subscription(const std::string& endpoint, const std::string& p256dh = kP256dh,
                         const std::string& auth = kAuth) {
  return json::serialize(json::object{{"endpoint", endpoint},
                                      {"expirationTime", nullptr},
                                      {"keys", {{"p256dh", p256dh}, {"auth", auth}}}});
}

std::string endpoint_body(const std::string& endpoint) {
  return json::serialize(json::object{{"endpoint", endpoint}});
}

class PushRoutesTest : public OnEachEngine<AdminServerTest> {
 protected:
  std::map<std::string, std::string> extra_environment() const override {
    return {{"API_VAPID_SUBJECT", "mailto:ops@radio.example"},
            {"API_VAPID_PRIVATE_KEY", std::string(kServerPrivate)},
            {"NICECREAM_ALLOW_PRIVATE_TARGETS", "false"}};
  }

  static std::string detail(const HttpResponse& response) {
    return json::serialize(response.json().at("detail"));
  }
};

TEST_P(PushRoutesTest, ThePublicKeyIsTheConfiguredKeys) {
  const auto answer = client->get("/push/vapid-public-key");
  ASSERT_EQ(answer.status, 200) << answer.body;
  EXPECT_EQ(answer.json(), (json::object{{"public_key", kServerPublic}}));
}

TEST_P(PushRoutesTest, SubscribingNeedsASessionAndTheCsrfToken) {
  const std::map<std::string, std::string> as_json{{"Content-Type", "application/json"}};
  const auto body = subscription("https://push.example.net/w/1");
  EXPECT_EQ(client->request("POST", "/user/push-subscriptions", body, as_json).status, 401);
  EXPECT_EQ(client
                ->request("DELETE", "/user/push-subscriptions",
                          endpoint_body("https://push.example.net/w/1"), as_json)
                .status,
            401);
  auto grace = signed_in("grace");
  const auto without = grace->browser.request("POST", "/user/push-subscriptions", body, as_json);
  EXPECT_EQ(without.status, 422) << without.body;
  EXPECT_EQ(detail(without), R"({"header":{"X-Csrf-Token":["Missing or invalid value."]}})");
  EXPECT_EQ(send(*grace, "POST", "/user/push-subscriptions", body, grace->csrf + "x").status, 422);
}

TEST_P(PushRoutesTest, SubscribeAgainAndUnsubscribe) {
  auto grace = signed_in("grace");
  const std::string endpoint = "https://push.example.net/w/grace-phone";
  const auto created = send(*grace, "POST", "/user/push-subscriptions", subscription(endpoint));
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_EQ(created.header("cache-control"), "no-store");
  EXPECT_EQ(created.json(), (json::object{{"endpoint", endpoint}}));

  // The browser renews its keys: the same endpoint again is 200, and the new keys are kept.
  const std::string new_auth = "AAAAAAAAAAAAAAAAAAAAAA";
  const auto again =
      send(*grace, "POST", "/user/push-subscriptions", subscription(endpoint, kP256dh, new_auth));
  EXPECT_EQ(again.status, 200) << again.body;
  const auto user_id = grace->browser.get("/user").json().at("id").as_int64();
  const auto stored = store().list_push_subscriptions(user_id);
  ASSERT_EQ(stored.size(), 1U);
  EXPECT_EQ(stored.front().endpoint, endpoint);
  EXPECT_EQ(stored.front().auth, new_auth);
  EXPECT_EQ(stored.front().p256dh, kP256dh);

  const auto removed = send(*grace, "DELETE", "/user/push-subscriptions", endpoint_body(endpoint));
  EXPECT_EQ(removed.status, 204) << removed.body;
  EXPECT_EQ(removed.body, "");
  EXPECT_TRUE(store().list_push_subscriptions(user_id).empty());
  const auto twice = send(*grace, "DELETE", "/user/push-subscriptions", endpoint_body(endpoint));
  EXPECT_EQ(twice.status, 404);
  EXPECT_EQ(detail(twice), R"("Push subscription not found.")");
}

TEST_P(PushRoutesTest, AnEndpointHasOneOwner) {
  auto grace = signed_in("grace");
  auto admin = signed_in("admin");
  const std::string shared = "https://push.example.net/w/family-laptop";
  ASSERT_EQ(send(*grace, "POST", "/user/push-subscriptions", subscription(shared)).status, 201);
  EXPECT_EQ(send(*admin, "DELETE", "/user/push-subscriptions", endpoint_body(shared)).status, 404)
      << "someone else's endpoint is as missing as an unknown one";
  // Admin signs in on the same browser and subscribes: the endpoint is theirs now.
  EXPECT_EQ(send(*admin, "POST", "/user/push-subscriptions", subscription(shared)).status, 201);
  EXPECT_EQ(send(*grace, "DELETE", "/user/push-subscriptions", endpoint_body(shared)).status, 404);
  const auto admin_id = admin->browser.get("/user").json().at("id").as_int64();
  const auto grace_id = grace->browser.get("/user").json().at("id").as_int64();
  EXPECT_EQ(store().list_push_subscriptions(admin_id).size(), 1U);
  EXPECT_TRUE(store().list_push_subscriptions(grace_id).empty());
}

TEST_P(PushRoutesTest, BadSubscriptionsAre422OnTheirFields) {
  auto grace = signed_in("grace");
  auto refused = [&](const std::string& body) {
    const auto answer = send(*grace, "POST", "/user/push-subscriptions", body);
    EXPECT_EQ(answer.status, 422) << body << ": " << answer.body;
    return answer.status == 422 ? detail(answer) : answer.body;
  };
  EXPECT_EQ(refused(subscription("http://push.example.net/w/1")),
            R"({"body":{"endpoint":["Not an https URL."]}})")
      << "plain http only when private targets are allowed";
  EXPECT_EQ(refused(subscription("https://user:secret@push.example.net/w/1")),
            R"({"body":{"endpoint":["Not an https URL."]}})");
  EXPECT_EQ(refused(subscription("push.example.net/w/1")),
            R"({"body":{"endpoint":["Not an https URL."]}})");
  auto off_curve = kP256dh;
  off_curve[10] = off_curve[10] == 'A' ? 'B' : 'A';
  EXPECT_EQ(refused(subscription("https://push.example.net/w/1", off_curve)),
            R"({"body":{"keys.p256dh":["Not an uncompressed P-256 public key in base64url."]}})");
  EXPECT_EQ(refused(subscription("https://push.example.net/w/1", kP256dh, "c2hvcnQ")),
            R"({"body":{"keys.auth":["Not a 16-byte secret in base64url."]}})");
  EXPECT_EQ(refused(R"({"endpoint": "https://push.example.net/w/1"})"),
            R"({"body":{"keys":["Missing data for required field."]}})");
  EXPECT_EQ(refused(R"({"endpoint": 5, "keys": {"p256dh": ")" + kP256dh + R"("}, "x": 1})"),
            R"({"body":{"endpoint":["Not a valid string."],)"
            R"("keys.auth":["Missing data for required field."],"x":["Unknown field."]}})");
  EXPECT_EQ(send(*grace, "POST", "/user/push-subscriptions", "[1]").status, 422);
  const auto not_json =
      grace->browser.request("POST", "/user/push-subscriptions", "nope",
                             {{"Content-Type", "application/json"}, {"X-Csrf-Token", grace->csrf}});
  EXPECT_EQ(not_json.status, 415) << not_json.body;
  EXPECT_EQ(refused(R"({})"), R"({"body":{"endpoint":["Missing data for required field."],)"
                              R"("keys":["Missing data for required field."]}})");
  EXPECT_EQ(send(*grace, "DELETE", "/user/push-subscriptions", "{}").status, 422);
}

INSTANTIATE_TEST_SUITE_P(Engines, PushRoutesTest, both_engines(), engine_name);

// Without a contact for push services (no API_VAPID_SUBJECT, SPA_URL not https) push is off.
class PushOffTest : public OnEachEngine<AdminServerTest> {};

TEST_P(PushOffTest, ThereIsNoKeyToSubscribeTo) {
  const auto answer = client->get("/push/vapid-public-key");
  EXPECT_EQ(answer.status, 503) << answer.body;
  EXPECT_EQ(answer.json().at("detail").as_string(),
            "Web Push is not configured on this server (API_VAPID_SUBJECT).");
}

INSTANTIATE_TEST_SUITE_P(Engines, PushOffTest, both_engines(), engine_name);

}  // namespace
}  // namespace nicecream::testing
