#include "auth/session.hpp"

#include <gtest/gtest.h>

#include <chrono>

#include "auth/session_codec.hpp"

namespace nicecream::auth {
namespace {

using std::chrono::seconds;

const domain::Timestamp kNow{seconds(1'800'000'000)};

Session full_session() {
  return Session{.user_id = 42,
                 .oauth_state = "state-value",
                 .nonce = "nonce-value",
                 .code_verifier = std::string(43, 'v'),
                 .csrf_token = "csrf-value",
                 .issued_at = kNow};
}

TEST(SessionJson, RoundTripsEveryField) {
  EXPECT_EQ(session_from_json(session_to_json(full_session())), full_session());
}

TEST(SessionJson, RoundTripsAnAnonymousSession) {
  Session anonymous;
  anonymous.oauth_state = "s";
  anonymous.issued_at = kNow;
  const auto json = session_to_json(anonymous);
  EXPECT_EQ(json.find("user_id"), std::string::npos);
  EXPECT_EQ(session_from_json(json), anonymous);
}

TEST(SessionJson, IgnoresUnknownFields) {
  const auto session = session_from_json(R"({"user_id": 3, "theme": "dark", "issued_at": 5})");
  ASSERT_TRUE(session);
  EXPECT_EQ(session->user_id, 3);
}

TEST(SessionJson, RejectsWrongTypesAndImpossibleValues) {
  for (const std::string_view json :
       {"", "[]", "null", "not json", R"({"user_id": "42"})", R"({"user_id": 0})",
        R"({"user_id": -1})", R"({"user_id": 1.5})", R"({"state": 7})", R"({"csrf_token": []})",
        R"({"issued_at": "yesterday"})", R"({"issued_at": 99999999999999999})",
        R"({"issued_at": -5})", R"({"user_id": 18446744073709551615})"}) {
    EXPECT_FALSE(session_from_json(json)) << json;
  }
}

// The Python original's cookies (aiohttp-session) carry over at the switch.
TEST(SessionJson, ReadsTheOriginalsLayout) {
  const auto session = session_from_json(
      R"({"created": 1800000000, "session": {"user_id": 7, "csrf_token": "t0k3n"}})");
  ASSERT_TRUE(session);
  EXPECT_EQ(session->user_id, 7);
  EXPECT_EQ(session->csrf_token, "t0k3n");
  EXPECT_EQ(session->issued_at, kNow);
  EXPECT_TRUE(session->oauth_state.empty());
}

TEST(SessionJson, TheOriginalsSignInUnderWayAndEmptySessionAreSignedOut) {
  const auto pending =
      session_from_json(R"({"created": 1800000000, "session": {"oauth2_state": "s"}})");
  ASSERT_TRUE(pending);
  EXPECT_FALSE(pending->signed_in());
  EXPECT_FALSE(pending->sign_in_pending()) << "ours needs a nonce and a verifier too";
  const auto empty = session_from_json(R"({"created": 1800000000, "session": {}})");
  ASSERT_TRUE(empty);
  EXPECT_FALSE(empty->signed_in());
}

TEST(SessionJson, WritesOurLayoutAfterReadingTheOriginals) {
  const auto original =
      session_from_json(R"({"created": 1800000000, "session": {"user_id": 7, "csrf_token": "t"}})");
  ASSERT_TRUE(original);
  const auto json = session_to_json(*original);
  EXPECT_EQ(json.find("\"session\""), std::string::npos) << json;
  EXPECT_EQ(session_from_json(json), original);
}

TEST(SessionJson, RejectsMalformedOriginalLayouts) {
  for (const std::string_view json :
       {R"({"session": []})", R"({"session": null})", R"({"session": "x"})",
        R"({"created": "now", "session": {}})", R"({"created": -1, "session": {}})",
        R"({"created": 99999999999999999, "session": {}})",
        R"({"created": 1, "session": {"user_id": "7"}})",
        R"({"created": 1, "session": {"user_id": 0}})",
        R"({"created": 1, "session": {"csrf_token": 5}})"}) {
    EXPECT_FALSE(session_from_json(json)) << json;
  }
}

TEST(SessionCodec, SealsAndOpens) {
  const SessionCodec codec(parse_fernet_key(generate_fernet_key()), seconds(3600));
  EXPECT_EQ(codec.open(codec.seal(full_session(), kNow), kNow), full_session());
}

TEST(SessionCodec, EnforcesTheMaxAgeFromTheTimeOfSealing) {
  const SessionCodec codec(parse_fernet_key(generate_fernet_key()), seconds(3600));
  const auto sealed = codec.seal(full_session(), kNow);
  EXPECT_TRUE(codec.open(sealed, kNow + seconds(3600)));
  EXPECT_FALSE(codec.open(sealed, kNow + seconds(3601)));
}

TEST(SessionCodec, RejectsForeignTamperedAndOversizedValues) {
  const auto key = generate_fernet_key();
  const SessionCodec codec(parse_fernet_key(key), seconds(3600));
  const SessionCodec other(parse_fernet_key(generate_fernet_key()), seconds(3600));
  auto sealed = codec.seal(full_session(), kNow);
  EXPECT_FALSE(other.open(sealed, kNow));
  sealed[20] = sealed[20] == 'A' ? 'B' : 'A';
  EXPECT_FALSE(codec.open(sealed, kNow));
  EXPECT_FALSE(codec.open("", kNow));
  EXPECT_FALSE(codec.open(std::string(5000, 'A'), kNow));
}

TEST(SessionCodec, RejectsAValidTokenThatIsNotASession) {
  const auto key = parse_fernet_key(generate_fernet_key());
  const SessionCodec codec(key, seconds(3600));
  EXPECT_FALSE(codec.open(Fernet(key).encrypt(R"({"user_id": "x"})", kNow), kNow));
  EXPECT_FALSE(codec.open(Fernet(key).encrypt("plain text", kNow), kNow));
}

}  // namespace
}  // namespace nicecream::auth
