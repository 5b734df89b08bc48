#include "domain/admins.hpp"

#include <gtest/gtest.h>

namespace nicecream::domain {
namespace {

User user(std::string sub, std::string email = "") {
  User user;
  user.sub = std::move(sub);
  user.email = std::move(email);
  return user;
}

TEST(AdminList, ParsesCommaSeparatedEntriesIgnoringBlanks) {
  EXPECT_EQ(parse_admin_list(" 1234 ,ada@example.test,, \tgoogle|9 "),
            (std::vector<std::string>{"1234", "ada@example.test", "google|9"}));
  EXPECT_TRUE(parse_admin_list("").empty());
  EXPECT_TRUE(parse_admin_list(" , ").empty());
}

TEST(AdminList, NamesBySubjectExactly) {
  const auto admins = parse_admin_list("1234,Google|9");
  EXPECT_TRUE(is_admin(admins, user("1234")));
  EXPECT_FALSE(is_admin(admins, user("12345")));
  EXPECT_FALSE(is_admin(admins, user("google|9"))) << "subjects are identifiers: case counts";
}

TEST(AdminList, NamesByVerifiedEmailIgnoringCase) {
  const auto admins = parse_admin_list("Ada@Example.TEST");
  EXPECT_TRUE(is_admin(admins, user("1", "ada@example.test")));
  EXPECT_FALSE(is_admin(admins, user("1", ""))) << "no verified e-mail, no match";
  EXPECT_FALSE(is_admin(admins, user("1", "ada@example.test.evil")));
  EXPECT_TRUE(is_admin(admins, user("Ada@Example.TEST"))) << "an entry is also tried as subject";
}

TEST(AdminList, NobodyIsAnAdminOfAnEmptyList) {
  EXPECT_FALSE(is_admin({}, user("1234", "ada@example.test")));
  EXPECT_FALSE(is_admin(parse_admin_list(""), user("", "")));
}

}  // namespace
}  // namespace nicecream::domain
