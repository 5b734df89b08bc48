#include "auth/base64.hpp"

#include <gtest/gtest.h>

namespace nicecream::auth {
namespace {

TEST(Base64, EncodesTheRfc4648Vectors) {
  EXPECT_EQ(encode_base64(""), "");
  EXPECT_EQ(encode_base64("f"), "Zg==");
  EXPECT_EQ(encode_base64("fo"), "Zm8=");
  EXPECT_EQ(encode_base64("foo"), "Zm9v");
  EXPECT_EQ(encode_base64("foob"), "Zm9vYg==");
  EXPECT_EQ(encode_base64("fooba"), "Zm9vYmE=");
  EXPECT_EQ(encode_base64("foobar"), "Zm9vYmFy");
}

TEST(Base64, UrlAlphabetReplacesPlusAndSlash) {
  const std::string bytes("\xfb\xff\xbf", 3);
  EXPECT_EQ(encode_base64(bytes), "+/+/");
  EXPECT_EQ(encode_base64url(bytes, Padding::with), "-_-_");
  EXPECT_EQ(encode_base64url("f", Padding::with), "Zg==");
  EXPECT_EQ(encode_base64url("f", Padding::without), "Zg");
}

TEST(Base64, RoundTripsEveryByteAndLength) {
  std::string bytes;
  for (int i = 0; i < 256; ++i) {
    bytes += static_cast<char>(i);
    const auto prefix = bytes.substr(0, static_cast<std::size_t>(i % 7 + 1) * 30 % 257);
    EXPECT_EQ(decode_base64(encode_base64(prefix)), prefix);
    EXPECT_EQ(decode_base64url(encode_base64url(prefix, Padding::with)), prefix);
    EXPECT_EQ(decode_base64url(encode_base64url(prefix, Padding::without)), prefix);
  }
  EXPECT_EQ(decode_base64url(encode_base64url(bytes, Padding::without)), bytes);
}

TEST(Base64, StandardDecodingRequiresPadding) {
  EXPECT_EQ(decode_base64("Zg=="), "f");
  EXPECT_EQ(decode_base64(""), "");
  EXPECT_FALSE(decode_base64("Zg"));
  EXPECT_FALSE(decode_base64("Zg="));
}

TEST(Base64, UrlDecodingAcceptsPaddedAndUnpadded) {
  EXPECT_EQ(decode_base64url("Zm8"), "fo");
  EXPECT_EQ(decode_base64url("Zm8="), "fo");
  EXPECT_EQ(decode_base64url(""), "");
}

TEST(Base64, RejectsWhatIsNotBase64) {
  EXPECT_FALSE(decode_base64url("Zm8=="));  // too much padding
  EXPECT_FALSE(decode_base64url("Zm=8"));   // padding inside
  EXPECT_FALSE(decode_base64url("Z"));      // one character carries no byte
  EXPECT_FALSE(decode_base64url("Zm9v!"));  // not the alphabet
  EXPECT_FALSE(decode_base64url("Zm 8"));   // whitespace
  EXPECT_FALSE(decode_base64url("+/+/"));   // the standard alphabet
  EXPECT_FALSE(decode_base64("-_-_"));      // the url alphabet
  EXPECT_FALSE(decode_base64url("Zh"));     // stray bits: "Zg" is the only encoding of "f"
  EXPECT_FALSE(decode_base64url(std::string("Zm\0v", 4)));
}

}  // namespace
}  // namespace nicecream::auth
