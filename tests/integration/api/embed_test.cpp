// The embeddable now-playing page and its oEmbed answer: what the page shows (escaped), the one
// policy that lets other sites frame it (API_EMBED_ORIGINS) while every other answer stays
// unframeable, inline code allowed by hash only, and the oEmbed rules for foreign or unknown URLs.
#include "auth/base64.hpp"
#include "auth/digest.hpp"
#include "integration/api/server_fixture.hpp"

namespace nicecream::testing {
namespace {

constexpr auto kHostileName = R"(<b>&"Jz")";  // channel names have 10 characters at most
constexpr auto kTitle = "Sigur Rós - Hoppípolla <i>live</i>";

class EmbedTest : public OnEachEngine<> {
 protected:
  domain::Id add_hostile_channel() {
    const auto channel = store().add_channel({.name = kHostileName,
                                              .url = "http://radio.example/",
                                              .format = "auto",
                                              .title_pointer = ""});
    store().record_title(channel.id, kTitle, domain::now());
    return channel.id;
  }
  std::string origin() const { return "http://127.0.0.1:" + std::to_string(server->port()); }
  // How links made by the server name it: https unless its cookies are not Secure (then the
  // deployment is plain http), as visitors reach it behind a TLS proxy.
  std::string site() const { return "https://127.0.0.1:" + std::to_string(server->port()); }
};

// The text between <tag> and </tag> of a page.
std::string block(const std::string& page, const std::string& tag) {
  const auto start = page.find("<" + tag + ">") + tag.size() + 2;
  return page.substr(start, page.find("</" + tag + ">") - start);
}

std::string hash_source(const std::string& code) {
  return "'sha256-" + auth::encode_base64(auth::sha256(code)) + "'";
}

TEST_P(EmbedTest, ThePageShowsTheChannelEscapedAndAnySiteMayFrameIt) {
  start();
  const auto id = add_hostile_channel();
  const auto page = client->get("/embed/channels/" + std::to_string(id) + "?theme=dark");
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_EQ(page.header("content-type"), "text/html; charset=utf-8");
  EXPECT_LT(page.body.size(), 10u * 1024) << "the page, its script and style under 10 KB";
  EXPECT_NE(page.body.find("&lt;b&gt;&amp;&quot;Jz&quot;"), std::string::npos);
  EXPECT_EQ(page.body.find("<b>"), std::string::npos);
  EXPECT_NE(page.body.find("Sigur Rós - Hoppípolla &lt;i&gt;live&lt;/i&gt;"), std::string::npos);
  EXPECT_NE(page.body.find(R"(<body class="dark" data-channel=")" + std::to_string(id)),
            std::string::npos);
  EXPECT_NE(page.body.find(R"(data-event="history")"), std::string::npos);
  EXPECT_NE(page.body.find(R"(href=")" + site() + "/oembed?format=json&amp;url=" + site() +
                           "/embed/channels/" + std::to_string(id) + '"'),
            std::string::npos)
      << "the oEmbed discovery link";

  const auto policy = page.header("content-security-policy");
  EXPECT_NE(policy.find("frame-ancestors *"), std::string::npos) << policy;
  EXPECT_NE(policy.find("script-src " + hash_source(block(page.body, "script"))), std::string::npos)
      << policy;
  EXPECT_NE(policy.find("style-src " + hash_source(block(page.body, "style"))), std::string::npos)
      << policy;
  EXPECT_EQ(policy.find("unsafe-inline"), std::string::npos) << policy;
  EXPECT_EQ(page.header("x-frame-options"), "") << "it cannot name origins, so it is left off";

  const auto data = client->get("/channels");
  EXPECT_EQ(data.header("x-frame-options"), "DENY");
  EXPECT_NE(data.header("content-security-policy").find("frame-ancestors 'none'"),
            std::string::npos);
}

TEST_P(EmbedTest, OnlyTheConfiguredOriginsMayFrameIt) {
  start({{"API_EMBED_ORIGINS", "https://blog.example, https://*.radio.example"},
         {"API_SESSION_COOKIE_SECURE", "false"}});
  const auto id = add_hostile_channel();
  const auto page = client->get("/embed/channels/" + std::to_string(id));
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.header("content-security-policy")
                .find("frame-ancestors https://blog.example https://*.radio.example"),
            std::string::npos)
      << page.header("content-security-policy");
  EXPECT_NE(page.body.find(R"(<body class="auto")"), std::string::npos) << "theme defaults to auto";
  EXPECT_NE(page.body.find(R"(href=")" + origin() + "/?channel="), std::string::npos)
      << "a plain-http deployment links with http";
}

TEST_P(EmbedTest, UnknownChannelsAndBadThemesAreRefused) {
  start();
  EXPECT_EQ(client->get("/embed/channels/999").status, 404);
  const auto bad_theme = client->get("/embed/channels/1?theme=neon");
  EXPECT_EQ(bad_theme.status, 422);
  EXPECT_NE(bad_theme.body.find("theme"), std::string::npos) << bad_theme.body;
  EXPECT_EQ(client->get("/embed/channels/1?colour=red").status, 422) << "unknown parameter";
}

TEST_P(EmbedTest, OEmbedDescribesTheIframeForPagesOfThisSite) {
  start();
  const auto id = add_hostile_channel();
  const auto embed_url = origin() + "/embed/channels/" + std::to_string(id);
  const auto answer = client->get("/oembed?format=json&url=" + embed_url);
  ASSERT_EQ(answer.status, 200) << answer.body;
  const auto json = answer.json().as_object();
  EXPECT_EQ(json.at("version"), "1.0");
  EXPECT_EQ(json.at("type"), "rich");
  EXPECT_EQ(json.at("title"), kHostileName);
  EXPECT_EQ(json.at("width"), 360);
  EXPECT_EQ(json.at("height"), 120);
  EXPECT_EQ(std::string(json.at("html").as_string()),
            R"(<iframe src=")" + site() + "/embed/channels/" + std::to_string(id) +
                R"(" width="360" height="120" )" + R"(title="&lt;b&gt;&amp;&quot;Jz&quot;: now )" +
                R"(playing" style="border:0" loading="lazy"></iframe>)");

  const auto from_app = client->get("/oembed?url=" + origin() + "/?channel=" + std::to_string(id) +
                                    "&maxwidth=300&maxheight=80");
  ASSERT_EQ(from_app.status, 200) << from_app.body;
  EXPECT_EQ(from_app.json().at("width"), 300);
  EXPECT_EQ(from_app.json().at("height"), 80);
}

TEST_P(EmbedTest, OEmbedRefusesWhatItCannotDescribe) {
  start();
  const auto local = origin();
  EXPECT_EQ(client->get("/oembed?url=" + local + "/embed/channels/1&format=xml").status, 501);
  EXPECT_EQ(client->get("/oembed?url=http://elsewhere.example/embed/channels/1").status, 404);
  EXPECT_EQ(client->get("/oembed?url=" + local + "/embed/channels/999").status, 404);
  EXPECT_EQ(client->get("/oembed?url=" + local + "/songs/1").status, 404);
  EXPECT_EQ(client->get("/oembed?url=not%20a%20url").status, 404);
  const auto missing = client->get("/oembed");
  EXPECT_EQ(missing.status, 422);
  EXPECT_NE(missing.body.find("url"), std::string::npos) << missing.body;
}

INSTANTIATE_TEST_SUITE_P(Engines, EmbedTest, both_engines(), engine_name);

}  // namespace
}  // namespace nicecream::testing
