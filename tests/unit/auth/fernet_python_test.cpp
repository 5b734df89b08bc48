// Our Fernet against the reference: Python's `cryptography` (Debian: python3-cryptography), the
// library the original service used. A token made by either must open in the other.
#include <gtest/gtest.h>

#include <chrono>
#include <string>

#include "auth/fernet.hpp"
#include "support/python_fernet.hpp"

namespace nicecream::auth {
namespace {

using std::chrono::seconds;

using nicecream::testing::run_fernet_python;

class FernetAgainstPython : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto probe = run_fernet_python("print(\"ok\")", "", "");
    ASSERT_EQ(probe.status, 0) << nicecream::testing::kNeedPythonCryptography << probe.output;
  }
};

TEST_F(FernetAgainstPython, PythonOpensOurToken) {
  const auto key = generate_fernet_key();
  const std::string plaintext = R"({"user_id": 7, "note": "caf\u00e9"})";
  const auto token = Fernet(parse_fernet_key(key)).encrypt(plaintext, domain::now());
  const auto result = run_fernet_python(
      "sys.stdout.write(Fernet(os.environ[\"FERNET_KEY\"]).decrypt("
      "os.environ[\"FERNET_DATA\"].encode(), ttl=60).decode())",
      key, token);
  ASSERT_EQ(result.status, 0) << result.output;
  EXPECT_EQ(result.output, plaintext);
}

TEST_F(FernetAgainstPython, WeOpenPythonsToken) {
  const auto key = generate_fernet_key();
  const std::string plaintext = "made in Python \xe2\x9c\x93";
  const auto result = run_fernet_python(
      "sys.stdout.write(Fernet(os.environ[\"FERNET_KEY\"]).encrypt("
      "os.environ[\"FERNET_DATA\"].encode()).decode())",
      key, plaintext);
  ASSERT_EQ(result.status, 0) << result.output;
  EXPECT_EQ(Fernet(parse_fernet_key(key)).decrypt(result.output, seconds(60), domain::now()),
            plaintext);
}

TEST_F(FernetAgainstPython, WeReadPythonsKeysAndPythonReadsOurs) {
  const auto python_key =
      run_fernet_python("sys.stdout.write(Fernet.generate_key().decode())", "", "");
  ASSERT_EQ(python_key.status, 0) << python_key.output;
  EXPECT_NO_THROW(parse_fernet_key(python_key.output));

  const auto our_key = generate_fernet_key();
  const auto accepted = run_fernet_python("Fernet(os.environ[\"FERNET_KEY\"])", our_key, "");
  EXPECT_EQ(accepted.status, 0) << accepted.output;
}

TEST_F(FernetAgainstPython, PythonRejectsOurTokenUnderAnotherKey) {
  const auto token = Fernet(parse_fernet_key(generate_fernet_key())).encrypt("x", domain::now());
  const auto result = run_fernet_python(
      "Fernet(os.environ[\"FERNET_KEY\"]).decrypt("
      "os.environ[\"FERNET_DATA\"].encode())",
      generate_fernet_key(), token);
  EXPECT_NE(result.status, 0);
  EXPECT_NE(result.output.find("InvalidToken"), std::string::npos) << result.output;
}

}  // namespace
}  // namespace nicecream::auth
