// POST /channels/probe: a station read once with the crawler's own fetcher and format detection;
// with private targets allowed (as every test station is on loopback) and, as in production,
// refused: loopback, 10/8, link-local (the cloud metadata address), IPv6 loopback and unique
// local addresses are refused before any connection is made.
#include "integration/admin/admin_fixture.hpp"
#include "support/stations/station_emulator.hpp"

namespace nicecream::testing {
namespace {

namespace json = boost::json;

std::string probe_body(const std::string& url) {
  return R"({"url": ")" + url + R"("})";
}

class ProbeTest : public OnEachEngine<AdminServerTest> {
 protected:
  StationEmulator emulator_;
};

TEST_P(ProbeTest, AStationIsReadOnceWithItsFormatDetected) {
  emulator_.set_title("live", "Probe - Works");
  auto admin = signed_in("admin");
  const auto read =
      send(*admin, "POST", "/channels/probe", probe_body(emulator_.url("live", "currentsong")));
  ASSERT_EQ(read.status, 200) << read.body;
  EXPECT_EQ(json::serialize(read.json()), R"({"format":"shoutcast2","title":"Probe - Works"})");
  EXPECT_EQ(emulator_.state("live").requests, 1);
  EXPECT_EQ(client->get("/channels").json().as_array().size(), 3u) << "nothing stored";

  const auto as_icecast = send(
      *admin, "POST", "/channels/probe",
      R"({"url": ")" + emulator_.url("live", "status-json.xsl") + R"(", "format": "icecast"})");
  ASSERT_EQ(as_icecast.status, 200) << as_icecast.body;
  EXPECT_EQ(as_icecast.json().at("format").as_string(), "icecast");
}

TEST_P(ProbeTest, AStationThatCannotBeReadIs422WithTheStatusReason) {
  auto admin = signed_in("admin");
  auto reason = [&](const std::string& url) {
    const auto answer = send(*admin, "POST", "/channels/probe", probe_body(url));
    EXPECT_EQ(answer.status, 422) << url << ": " << answer.body;
    return json::serialize(answer.json().at("detail"));
  };
  emulator_.set_title("down", "x");
  emulator_.set_mode("down", "500");
  EXPECT_EQ(reason(emulator_.url("down", "currentsong")), R"("HTTP 500")");
  emulator_.set_mode("down", "garbage");
  EXPECT_EQ(reason(emulator_.url("down", "status-json.xsl")), R"("no title in the answer")");
  EXPECT_EQ(reason("http://127.0.0.1:1/currentsong"), R"("connection refused")");
  EXPECT_EQ(
      json::serialize(
          send(*admin, "POST", "/channels/probe", R"({"url": "gopher://x"})").json().at("detail")),
      R"({"body":{"url":["the url must start with http:// or https://"]}})");
  EXPECT_EQ(json::serialize(
                send(*admin, "POST", "/channels/probe", R"({"name": "x", "url": "http://x/"})")
                    .json()
                    .at("detail")),
            R"({"body":{"name":["Unknown field."]}})");
}

INSTANTIATE_TEST_SUITE_P(Engines, ProbeTest, both_engines(), engine_name);

// As in production: NICECREAM_ALLOW_PRIVATE_TARGETS unset (false).
class ProbeGuardTest : public OnEachEngine<AdminServerTest> {
 protected:
  std::map<std::string, std::string> extra_environment() const override {
    return {{"NICECREAM_ALLOW_PRIVATE_TARGETS", "false"}};
  }
  StationEmulator emulator_;
};

TEST_P(ProbeGuardTest, PrivateTargetsAreRefusedBeforeConnecting) {
  emulator_.set_title("local", "Never - Read");
  auto admin = signed_in("admin");
  const auto loopback = emulator_.url("local", "currentsong");
  const auto port_at = loopback.find(':', 5) + 1;  // past "http:"
  const auto port = loopback.substr(port_at, loopback.find('/', port_at) - port_at);
  struct Case {
    std::string url;
    std::string address;
  };
  for (const auto& [url, address] :
       {Case{loopback, "127.0.0.1"}, Case{"http://10.0.0.1/currentsong", "10.0.0.1"},
        Case{"http://169.254.169.254/latest/meta-data/", "169.254.169.254"},
        Case{"http://[::1]:" + port + "/local/currentsong", "::1"},
        Case{"http://[fc00::1]/currentsong", "fc00::1"}}) {
    const auto answer = send(*admin, "POST", "/channels/probe", probe_body(url));
    EXPECT_EQ(answer.status, 422) << url << ": " << answer.body;
    EXPECT_EQ(answer.json().at("detail").as_string(),
              "refused private address " + address +
                  " (set NICECREAM_ALLOW_PRIVATE_TARGETS=true to allow)")
        << url;
  }
  EXPECT_EQ(emulator_.state("local").requests, 0) << "the refusal comes before any request";
  EXPECT_TRUE(server->log_contains("admin admin: probed a station: refused private address"));
}

INSTANTIATE_TEST_SUITE_P(Engines, ProbeGuardTest, both_engines(), engine_name);

}  // namespace
}  // namespace nicecream::testing
