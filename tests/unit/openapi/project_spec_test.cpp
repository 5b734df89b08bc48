// docs/openapi.json itself: sound, complete against the contract, and in step with the code.
#include <gtest/gtest.h>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "domain/pages.hpp"
#include "domain/source_format.hpp"
#include "support/openapi/lint.hpp"
#include "support/openapi/references.hpp"
#include "support/openapi/spec.hpp"

namespace nicecream::support::openapi {
namespace {

namespace json = boost::json;

const Spec& spec() {
  static const Spec loaded = Spec::load_project();
  return loaded;
}

const json::object& at(std::string_view pointer) {
  const auto* value = find_reference(spec().document(), "#" + std::string(pointer));
  if (!value || !value->is_object()) throw std::runtime_error("nothing at " + std::string(pointer));
  return value->get_object();
}

const json::object& operation(const Operation& which) {
  std::string method = which.method;
  for (auto& c : method) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return spec().document().at("paths").at(which.path).at(method).as_object();
}

TEST(OpenApiProjectSpec, IsSoundForTheChecker) {
  EXPECT_EQ(lint(spec().document()), std::vector<std::string>{});
}

TEST(OpenApiProjectSpec, DescribesExactlyTheContractsRoutes) {
  const std::vector<Operation> contract{
      {"DELETE", "/user/bookmarks/{bookmark_id}"},
      {"GET", "/channels"},
      {"GET", "/docs"},
      {"GET", "/docs/"},
      {"GET", "/history"},
      {"GET", "/history/events"},
      {"GET", "/openapi.json"},
      {"GET", "/user"},
      {"GET", "/user/bookmarks"},
      {"GET", "/user/google"},
      {"GET", "/user/google/callback"},
      {"GET", "/user/sign_out"},
      {"POST", "/user/bookmarks"},
  };
  EXPECT_EQ(spec().operations(), contract);
}

TEST(OpenApiProjectSpec, EveryErrorResponseIsJsonOfOneOfTheTwoErrorShapes) {
  for (const auto& which : spec().operations()) {
    for (const auto& [status, response] : operation(which).at("responses").as_object()) {
      if (status.front() < '4') continue;
      const auto& resolved = follow_references(spec().document(), response.as_object());
      const auto* schema = resolved.contains("content")
                               ? resolved.at("content").as_object().if_contains("application/json")
                               : nullptr;
      ASSERT_NE(schema, nullptr) << which.method << " " << which.path << " " << status.data();
      const auto ref = schema->at("schema").at("$ref").as_string();
      EXPECT_TRUE(ref == "#/components/schemas/Error" ||
                  ref == "#/components/schemas/ValidationError")
          << which.method << " " << which.path << " " << status.data() << ": " << ref.data();
    }
  }
}

TEST(OpenApiProjectSpec, SignedInRoutesNeedTheSessionCookie) {
  for (const auto& which : spec().operations()) {
    if (!which.path.starts_with("/user") || which.path.starts_with("/user/google")) continue;
    const auto* security = operation(which).if_contains("security");
    ASSERT_NE(security, nullptr) << which.method << " " << which.path;
    EXPECT_EQ(*security, json::parse(R"([{"sessionCookie": []}])"))
        << which.method << " " << which.path;
    EXPECT_TRUE(operation(which).at("responses").as_object().contains("401"))
        << which.method << " " << which.path;
  }
}

TEST(OpenApiProjectSpec, ChangesNeedTheCsrfHeader) {
  for (const auto& which : spec().operations()) {
    if (which.method == "GET") continue;
    const auto parameters = json::serialize(operation(which).at("parameters"));
    EXPECT_NE(parameters.find("#/components/parameters/CsrfToken"), std::string::npos)
        << which.method << " " << which.path;
  }
  EXPECT_EQ(at("/components/parameters/CsrfToken").at("name"), "X-Csrf-Token");
  EXPECT_EQ(at("/components/parameters/CsrfToken").at("required"), true);
  EXPECT_EQ(at("/components/securitySchemes/sessionCookie").at("name"),
            "nicecream_history_session");
}

TEST(OpenApiProjectSpec, PageSizesMatchTheDomain) {
  const auto& limit = at("/components/parameters/Limit/schema");
  EXPECT_EQ(limit.at("default"), domain::kDefaultPageSize);
  EXPECT_EQ(limit.at("maximum"), domain::kMaxPageSize);
}

TEST(OpenApiProjectSpec, ChannelFormatsAreTheDomainsSourceFormats) {
  const auto& formats = at("/components/schemas/Channel/properties/format").at("enum").as_array();
  EXPECT_FALSE(formats.empty());
  for (const auto& name : formats) {
    const auto parsed = domain::parse_source_format(name.as_string());
    ASSERT_TRUE(parsed) << name;
    EXPECT_EQ(domain::to_string(*parsed), name.as_string());
  }
}

TEST(OpenApiProjectSpec, AcceptsTheContractsExamples) {
  const std::pair<std::string_view, std::string_view> examples[] = {
      {"HistoryItem", R"({"id": 100001, "created_at": "2026-11-27T19:57:07.590829+00:00",
                          "song_id": 7, "song_title": "A - B", "channel_id": 2, "bookmark_id": 0})"},
      {"Channel", R"({"id": 1, "name": "red", "format": "voscast",
                      "url": "https://cdn.voscast.com/stats/display.js?key=40dce4ae142ed966aa6bdd8048c989d2&stats=songtitle&action=update"})"},
      {"User", R"({"id": 1, "sub": "1234", "picture": "", "given_name": "Ada",
                   "family_name": "Lovelace"})"},
      {"Bookmark", R"({"id": 3, "created_at": "2026-11-27T19:57:07Z", "song_id": 7,
                       "song_title": "A - B", "user_id": 1})"},
      {"Error", R"({"detail": "Not Found"})"},
      {"Empty", "{}"},
      {"ValidationError",
       R"({"detail": {"query": {"offset": ["Must be greater than or equal to 0."]}}})"},
      {"ValidationError", R"({"detail": {"body": {"song_id": ["Not found."]}}})"},
      {"ValidationError",
       R"({"detail": {"header": {"X-Csrf-Token": ["Missing or invalid value."]}}})"},
      {"ValidationError", R"({"detail": {"path": {"bookmark_id": ["Not a valid integer."]}}})"},
  };
  for (const auto& [schema, example] : examples) {
    const auto violation = spec().check_schema(schema, json::parse(example));
    EXPECT_FALSE(violation) << schema << ": " << *violation;
  }
}

TEST(OpenApiProjectSpec, CatchesDriftFromTheContract) {
  const std::tuple<std::string_view, std::string_view, std::string_view> drifts[] = {
      {"HistoryItem", R"({"id": 1, "created_at": "2026-11-27T19:57:07.590829", "song_id": 7,
                          "song_title": "x", "channel_id": 2, "bookmark_id": 0})",
       "$.created_at"},
      {"HistoryItem", R"({"id": 1, "created_at": "2026-11-27T19:57:07Z", "song_id": 7,
                          "song_title": "x", "channel_id": 2})",
       "$"},
      {"Channel", R"({"id": 1, "name": "red", "url": "u", "format": "auto", "title_pointer": ""})",
       "$.title_pointer"},
      {"Channel", R"({"id": 1, "name": "much-too-long", "url": "u", "format": "auto"})", "$.name"},
      {"Bookmark", R"({"id": "3", "created_at": "2026-11-27T19:57:07Z", "song_id": 7,
                       "song_title": "x", "user_id": 1})",
       "$.id"},
      {"Error", R"({"detail": {"query": {}}})", "$.detail"},
      {"ValidationError", R"({"detail": {"cookie": {"a": ["b"]}}})", "$.detail.cookie"},
      {"ValidationError", R"({"detail": {"query": {"offset": "Must be ..."}}})",
       "$.detail.query.offset"},
      {"Empty", R"({"deleted": true})", "$.deleted"},
  };
  for (const auto& [schema, body, where] : drifts) {
    const auto violation = spec().check_schema(schema, json::parse(body));
    ASSERT_TRUE(violation) << schema << " accepted " << body;
    EXPECT_EQ(violation->where, where) << *violation;
  }
}

TEST(OpenApiProjectSpec, ChecksWholeResponsesOfTheContract) {
  EXPECT_FALSE(spec().check_response({"GET", "/history?offset=-1", 422, "application/json",
                                      R"({"detail": {"query": {"offset": ["Must be >= 0."]}}})"}));
  EXPECT_FALSE(
      spec().check_response({"DELETE", "/user/bookmarks/5", 200, "application/json", "{}"}));
  EXPECT_FALSE(spec().check_response({"GET", "/user/google", 302, "", ""}));
  EXPECT_FALSE(spec().check_response({"GET", "/history/events", 200, "text/event-stream", ""}));
  EXPECT_TRUE(spec().check_response(
      {"GET", "/channels", 500, "application/json", R"({"detail": "Internal server error."})"}));
  EXPECT_TRUE(spec().check_response({"GET", "/user", 200, "application/json", "{}"}));
}

}  // namespace
}  // namespace nicecream::support::openapi
