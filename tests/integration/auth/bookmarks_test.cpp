// /user/bookmarks... for a person signed in through the real test OpenID provider: every row of
// the contract, CSRF, and the story of bookmarking a song from the history.
#include <boost/json.hpp>
#include <optional>

#include "integration/auth/sign_in_fixture.hpp"

namespace nicecream::testing {
namespace {

namespace json = boost::json;

class BookmarksTest : public SignInTest {
 protected:
  void SetUp() override {
    SignInTest::SetUp();
    if (HasFatalFailure()) return;
    ada_.emplace(server->port());
    csrf = sign_in_ok(ada());
  }

  std::map<std::string, std::string> headers(
      std::map<std::string, std::string> extra = kJson) const {
    extra.emplace("X-Csrf-Token", csrf);
    return extra;
  }
  HttpResponse add(Browser& browser, const std::string& body, const std::string& token) {
    auto with_token = kJson;
    with_token["X-Csrf-Token"] = token;
    return browser.request("POST", "/user/bookmarks", body, with_token);
  }
  HttpResponse add(const std::string& body) { return add(ada(), body, csrf); }
  HttpResponse add_song(domain::Id song_id) {
    return add(R"({"song_id": )" + std::to_string(song_id) + "}");
  }
  HttpResponse remove(domain::Id bookmark_id) {
    return ada().request("DELETE", "/user/bookmarks/" + std::to_string(bookmark_id), "",
                         {{"X-Csrf-Token", csrf}});
  }
  // The 422 body's detail, serialized, for comparing with the contract's shape.
  static std::string detail(const HttpResponse& response) {
    EXPECT_EQ(response.status, 422) << response.body;
    return json::serialize(response.json().at("detail"));
  }
  domain::Id song_of(domain::Id history_id) {
    domain::HistoryQuery query;
    query.limit = domain::kMaxPageSize;
    for (const auto& item : store().list_history(query))
      if (item.id == history_id) return item.song_id;
    return 0;
  }

  Browser& ada() { return *ada_; }
  std::optional<Browser> ada_;
  std::string csrf;
};

TEST_P(BookmarksTest, BookmarkingASongFromTheHistory) {
  seed_history(6);
  const auto page = ada().get("/history");
  ASSERT_EQ(page.status, 200);
  EXPECT_EQ(page.header("cache-control"), "no-store");
  const auto item = page.json().as_array()[2].as_object();
  EXPECT_EQ(item.at("bookmark_id").as_int64(), 0);
  const auto song_id = item.at("song_id").as_int64();

  const auto added = add_song(song_id);
  ASSERT_EQ(added.status, 200) << added.body;
  EXPECT_EQ(added.header("cache-control"), "no-store");
  const auto bookmark = added.json().as_object();
  EXPECT_EQ(bookmark.at("song_id").as_int64(), song_id);
  EXPECT_EQ(bookmark.at("song_title").as_string(), item.at("song_title").as_string());
  EXPECT_EQ(bookmark.at("user_id").as_int64(), ada().get("/user").json().at("id").as_int64());
  EXPECT_TRUE(std::string(bookmark.at("created_at").as_string()).ends_with("+00:00"));
  const auto bookmark_id = bookmark.at("id").as_int64();

  const auto again = add_song(song_id);
  ASSERT_EQ(again.status, 200) << "adding it twice is not an error";
  EXPECT_EQ(again.json().at("id").as_int64(), bookmark_id);

  const auto signed_in_page = ada().get("/history").json();
  for (const auto& row : signed_in_page.as_array()) {
    const auto expected = row.at("song_id").as_int64() == song_id ? bookmark_id : 0;
    EXPECT_EQ(row.at("bookmark_id").as_int64(), expected) << json::serialize(row);
  }
  const auto anonymous_page = client->get("/history").json();
  for (const auto& row : anonymous_page.as_array())
    EXPECT_EQ(row.at("bookmark_id").as_int64(), 0) << "anonymous: " << json::serialize(row);

  const auto listed = ada().get("/user/bookmarks");
  ASSERT_EQ(listed.status, 200);
  EXPECT_EQ(listed.header("cache-control"), "no-store");
  ASSERT_EQ(listed.json().as_array().size(), 1u);
  EXPECT_EQ(listed.json().as_array()[0].as_object(), bookmark);

  const auto removed = remove(bookmark_id);
  EXPECT_EQ(removed.status, 200);
  EXPECT_EQ(removed.body, "{}");
  EXPECT_TRUE(ada().get("/user/bookmarks").json().as_array().empty());
  const auto page_after = ada().get("/history").json();
  for (const auto& row : page_after.as_array()) EXPECT_EQ(row.at("bookmark_id").as_int64(), 0);
  EXPECT_EQ(remove(bookmark_id).status, 404) << "already gone";

  ASSERT_EQ(ada().get("/user/sign_out").status, 302);
  EXPECT_EQ(ada().get("/user/bookmarks").status, 401);
}

TEST_P(BookmarksTest, ChangesNeedTheCsrfToken) {
  const auto last = seed_history(1);
  const auto song = R"({"song_id": )" + std::to_string(song_of(last)) + "}";
  const std::string rejected = R"({"header":{"X-Csrf-Token":["Missing or invalid value."]}})";

  EXPECT_EQ(detail(ada().request("POST", "/user/bookmarks", song, kJson)), rejected) << "missing";
  EXPECT_EQ(detail(add(ada(), song, "")), rejected) << "empty";
  EXPECT_EQ(detail(add(ada(), song, csrf + "x")), rejected) << "wrong";
  auto grace = browser();
  const auto grace_token = sign_in_ok(grace, "grace");
  EXPECT_EQ(detail(add(ada(), song, grace_token)), rejected) << "another session's token";
  EXPECT_TRUE(ada().get("/user/bookmarks").json().as_array().empty());

  const auto added = add(song);
  ASSERT_EQ(added.status, 200);
  const auto id = std::to_string(added.json().at("id").as_int64());
  EXPECT_EQ(detail(ada().request("DELETE", "/user/bookmarks/" + id)), rejected) << "missing";
  EXPECT_EQ(detail(ada().request("DELETE", "/user/bookmarks/" + id, "", {{"X-Csrf-Token", "x"}})),
            rejected)
      << "wrong";
  EXPECT_EQ(ada().get("/user/bookmarks").json().as_array().size(), 1u) << "nothing was deleted";
  EXPECT_EQ(detail(ada().request("POST", "/user/bookmarks", "not json", {})), rejected)
      << "CSRF comes before the body";
}

TEST_P(BookmarksTest, BodiesThatAreNotJsonAre415) {
  const auto last = seed_history(1);
  const auto song = R"({"song_id": )" + std::to_string(song_of(last)) + "}";
  for (const auto& [content_type, body] : std::vector<std::pair<std::string, std::string>>{
           {"", song},
           {"text/plain", song},
           {"application/x-www-form-urlencoded", "song_id=1"},
           {"application/json", "{\"song_id\": "},
           {"application/json", ""},
           {"application/json", "song_id=1"}}) {
    std::map<std::string, std::string> sent{{"X-Csrf-Token", csrf}};
    if (!content_type.empty()) sent["Content-Type"] = content_type;
    const auto response = ada().request("POST", "/user/bookmarks", body, sent);
    EXPECT_EQ(response.status, 415) << content_type << " " << body;
    EXPECT_TRUE(response.json().at("detail").is_string()) << response.body;
  }
  const auto with_charset =
      ada().request("POST", "/user/bookmarks", song,
                    headers({{"Content-Type", "Application/JSON; charset=utf-8"}}));
  EXPECT_EQ(with_charset.status, 200) << with_charset.body;
}

TEST_P(BookmarksTest, InvalidBodiesAre422OnTheirField) {
  EXPECT_EQ(detail(add(R"({"song_id": 999999})")), R"({"body":{"song_id":["Not found."]}})");
  EXPECT_EQ(detail(add("{}")), R"({"body":{"song_id":["Missing data for required field."]}})");
  for (const auto* value : {R"("1")", "1.5", "true", "null", "[1]", "18446744073709551615"})
    EXPECT_EQ(detail(add(std::string(R"({"song_id": )") + value + "}")),
              R"({"body":{"song_id":["Not a valid integer."]}})")
        << value;
  EXPECT_EQ(detail(add(R"({"song_id": 0})")),
            R"({"body":{"song_id":["Must be greater than or equal to 1."]}})");
  EXPECT_EQ(detail(add(R"({"song_id": -4})")),
            R"({"body":{"song_id":["Must be greater than or equal to 1."]}})");
  EXPECT_EQ(detail(add(R"({"song_id": 1, "note": "x"})")),
            R"({"body":{"note":["Unknown field."]}})");
  EXPECT_EQ(detail(add("[1]")), R"({"body":{"_schema":["Invalid input type."]}})");
  EXPECT_EQ(detail(add("5")), R"({"body":{"_schema":["Invalid input type."]}})");
  EXPECT_TRUE(ada().get("/user/bookmarks").json().as_array().empty());
}

TEST_P(BookmarksTest, DeletingAnotherUsersBookmarkIs404) {
  const auto last = seed_history(1);
  auto grace = browser();
  const auto grace_token = sign_in_ok(grace, "grace");
  const auto hers =
      add(grace, R"({"song_id": )" + std::to_string(song_of(last)) + "}", grace_token);
  ASSERT_EQ(hers.status, 200);
  const auto her_id = hers.json().at("id").as_int64();

  const auto response = remove(her_id);
  EXPECT_EQ(response.status, 404);
  EXPECT_TRUE(response.json().at("detail").is_string());
  EXPECT_EQ(remove(her_id + 1000).status, 404) << "a missing one looks the same";
  EXPECT_EQ(grace.get("/user/bookmarks").json().as_array().size(), 1u) << "hers is still there";
  EXPECT_TRUE(ada().get("/user/bookmarks").json().as_array().empty()) << "and not in Ada's list";
}

TEST_P(BookmarksTest, BadBookmarkIdsAre422OnThePath) {
  const std::string at_least_one =
      R"({"path":{"bookmark_id":["Must be greater than or equal to 1."]}})";
  EXPECT_EQ(detail(remove(0)), at_least_one);
  EXPECT_EQ(detail(remove(-3)), at_least_one);
  const auto not_integer = R"({"path":{"bookmark_id":["Not a valid integer."]}})";
  EXPECT_EQ(detail(ada().request("DELETE", "/user/bookmarks/abc", "", {{"X-Csrf-Token", csrf}})),
            not_integer);
  EXPECT_EQ(detail(ada().request("DELETE", "/user/bookmarks/99999999999999999999", "",
                                 {{"X-Csrf-Token", csrf}})),
            not_integer);
}

TEST_P(BookmarksTest, ListsAreNewestFirstAndPaged) {
  const auto last = seed_history(7);
  std::vector<domain::Id> ids;  // oldest first
  for (domain::Id history_id = last - 6; history_id <= last; ++history_id) {
    const auto added = add_song(song_of(history_id));
    ASSERT_EQ(added.status, 200) << added.body;
    ids.push_back(added.json().at("id").as_int64());
  }
  auto ids_of = [this](const std::string& target) {
    const auto response = ada().get(target);
    EXPECT_EQ(response.status, 200) << target << ": " << response.body;
    std::vector<domain::Id> page;
    const auto bookmarks = response.json();
    for (const auto& bookmark : bookmarks.as_array()) page.push_back(bookmark.at("id").as_int64());
    return page;
  };
  const std::vector<domain::Id> newest_first(ids.rbegin(), ids.rend());
  EXPECT_EQ(ids_of("/user/bookmarks"), newest_first);
  EXPECT_EQ(ids_of("/user/bookmarks?limit=3"),
            std::vector<domain::Id>(newest_first.begin(), newest_first.begin() + 3));
  EXPECT_EQ(ids_of("/user/bookmarks?offset=3&limit=3"),
            std::vector<domain::Id>(newest_first.begin() + 3, newest_first.begin() + 6));
  EXPECT_EQ(ids_of("/user/bookmarks?before=" + std::to_string(newest_first[2]) + "&limit=3"),
            std::vector<domain::Id>(newest_first.begin() + 3, newest_first.begin() + 6));
  EXPECT_TRUE(ids_of("/user/bookmarks?offset=100").empty());
}

TEST_P(BookmarksTest, InvalidListParametersAre422LikeTheHistorys) {
  auto query_detail = [this](const std::string& target) { return detail(ada().get(target)); };
  EXPECT_EQ(query_detail("/user/bookmarks?offset=-1"),
            R"({"query":{"offset":["Must be greater than or equal to 0."]}})");
  EXPECT_EQ(
      query_detail("/user/bookmarks?limit=0"),
      R"({"query":{"limit":["Must be greater than or equal to 1 and less than or equal to 100."]}})");
  EXPECT_EQ(
      query_detail("/user/bookmarks?limit=101"),
      R"({"query":{"limit":["Must be greater than or equal to 1 and less than or equal to 100."]}})");
  EXPECT_EQ(query_detail("/user/bookmarks?before=0"),
            R"({"query":{"before":["Must be greater than or equal to 1."]}})");
  EXPECT_EQ(query_detail("/user/bookmarks?offset=abc"),
            R"({"query":{"offset":["Not a valid integer."]}})");
  EXPECT_EQ(query_detail("/user/bookmarks?page=2"), R"({"query":{"page":["Unknown field."]}})");
}

INSTANTIATE_TEST_SUITE_P(Engines, BookmarksTest, both_engines(), engine_name);

}  // namespace
}  // namespace nicecream::testing
