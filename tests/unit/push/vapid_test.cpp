#include <gtest/gtest.h>
#include <sys/stat.h>

#include <boost/json.hpp>
#include <filesystem>
#include <fstream>

#include "auth/base64.hpp"
#include "auth/jwk.hpp"
#include "auth/jws.hpp"
#include "auth/jws_algorithm.hpp"
#include "push/vapid_header.hpp"
#include "push/vapid_key.hpp"

namespace nicecream::push {
namespace {

using std::chrono::system_clock;

constexpr std::string_view kPrivate = "yfWPiYE-n46HLnH0KqZOF1fJJU3MYrct3AELtAQ-oRw";
constexpr std::string_view kPublic =
    "BP4z9KsN6nGRTbVYI_c7VJSPQTBtkgcy27mlmlMoZIIgDll6e3vCYLocInmYWAmS6TlzAC8wEqKK6PBru3jl7A8";

class TemporaryDirectory {
 public:
  TemporaryDirectory() {
    std::string pattern = (std::filesystem::temp_directory_path() / "vapid-XXXXXX").string();
    path_ = ::mkdtemp(pattern.data());
  }
  ~TemporaryDirectory() { std::filesystem::remove_all(path_); }
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

TEST(VapidKey, FromThePrivateScalarWebPushLibrariesPrint) {
  const auto key = VapidKey::from_private_scalar(kPrivate);
  EXPECT_EQ(key.public_key(), kPublic);
  EXPECT_EQ(key.private_scalar(), kPrivate);
}

TEST(VapidKey, RefusesWhatIsNotAScalar) {
  EXPECT_THROW(VapidKey::from_private_scalar(""), VapidKeyError);
  EXPECT_THROW(VapidKey::from_private_scalar("not base64!"), VapidKeyError);
  EXPECT_THROW(VapidKey::from_private_scalar("AAAA"), VapidKeyError);
  EXPECT_THROW(VapidKey::from_private_scalar(
                   auth::encode_base64url(std::string(32, '\0'), auth::Padding::without)),
               VapidKeyError);
  // The group order n and beyond are not scalars.
  EXPECT_THROW(VapidKey::from_private_scalar(
                   auth::encode_base64url(std::string(32, '\xff'), auth::Padding::without)),
               VapidKeyError);
  try {
    VapidKey::from_private_scalar("AAAA");
  } catch (const VapidKeyError& error) {
    EXPECT_EQ(std::string(error.what()).find("AAAA"), std::string::npos);
  }
}

TEST(VapidKey, GeneratedOnceIntoTheDataDirectory) {
  const TemporaryDirectory data;
  const auto first = resolve_vapid_key("", data.path() / "nested");
  const auto file = data.path() / "nested" / "vapid.key";
  ASSERT_TRUE(std::filesystem::exists(file));
  struct stat info {};
  ASSERT_EQ(::stat(file.c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 0777, 0600);
  const auto again = resolve_vapid_key("", data.path() / "nested");
  EXPECT_EQ(again.public_key(), first.public_key());
  EXPECT_EQ(first.public_key().size(), 87U);  // 65 bytes, unpadded base64url
  // A configured key wins over the file.
  EXPECT_EQ(resolve_vapid_key(kPrivate, data.path() / "nested").public_key(), kPublic);
}

TEST(VapidKey, AFileWithoutAKeyIsAnErrorNamingIt) {
  const TemporaryDirectory data;
  std::ofstream(data.path() / "vapid.key") << "garbage\n";
  try {
    resolve_vapid_key("", data.path());
    FAIL() << "no error";
  } catch (const VapidKeyError& error) {
    EXPECT_NE(std::string(error.what()).find("vapid.key"), std::string::npos) << error.what();
  }
}

TEST(VapidHeader, SignsAnEs256TokenForTheAudience) {
  const auto key = VapidKey::from_private_scalar(kPrivate);
  const auto now = system_clock::from_time_t(1'700'000'000);
  const auto header =
      vapid_authorization(key, "https://push.example.net", "mailto:ops@example.org", now);

  const std::string_view prefix = "vapid t=";
  ASSERT_EQ(header.substr(0, prefix.size()), prefix);
  const auto comma = header.find(", k=");
  ASSERT_NE(comma, std::string::npos);
  EXPECT_EQ(header.substr(comma + 4), kPublic);

  const auto jws = auth::parse_compact_jws(header.substr(prefix.size(), comma - prefix.size()));
  ASSERT_TRUE(jws);
  EXPECT_EQ(jws->header.at("alg").as_string(), "ES256");
  EXPECT_EQ(jws->header.at("typ").as_string(), "JWT");
  EXPECT_EQ(jws->payload.at("aud").as_string(), "https://push.example.net");
  EXPECT_EQ(jws->payload.at("sub").as_string(), "mailto:ops@example.org");
  EXPECT_EQ(jws->payload.at("exp").as_int64(), 1'700'000'000 + 12 * 3600);
  ASSERT_EQ(jws->signature.size(), 64U);  // raw r||s, not DER

  const auto public_key = auth::p256_public_key(*auth::decode_base64url(kPublic));
  ASSERT_TRUE(public_key);
  EXPECT_TRUE(auth::verify_jws_signature(auth::JwsAlgorithm::es256, public_key.get(),
                                         jws->signing_input, jws->signature));
  auto tampered = jws->signing_input;
  tampered.back() = tampered.back() == 'A' ? 'B' : 'A';
  EXPECT_FALSE(auth::verify_jws_signature(auth::JwsAlgorithm::es256, public_key.get(), tampered,
                                          jws->signature));
}

}  // namespace
}  // namespace nicecream::push
