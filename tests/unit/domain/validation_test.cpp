#include "domain/validation.hpp"

#include <gtest/gtest.h>

namespace nicecream::domain {
namespace {

TEST(ReadInteger, AcceptsWholeNumbersInRange) {
  ValidationErrors errors;
  EXPECT_EQ(read_integer("0", {.min = 0}, "query", "offset", errors), 0);
  EXPECT_EQ(read_integer("-5", {}, "query", "x", errors), -5);
  EXPECT_EQ(read_integer("100", {.min = 1, .max = 100}, "query", "limit", errors), 100);
  EXPECT_TRUE(errors.empty());
}

TEST(ReadInteger, RejectsWhatIsNotAWholeNumber) {
  for (const auto* text : {"", "abc", "1.5", " 1", "1 ", "+1", "0x10", "99999999999999999999"}) {
    ValidationErrors errors;
    EXPECT_FALSE(read_integer(text, {}, "query", "offset", errors)) << text;
    EXPECT_EQ(errors.entries().at("query").at("offset").front(), "Not a valid integer.") << text;
  }
}

TEST(ReadInteger, ReportsTheRangeInTheContractsWords) {
  ValidationErrors errors;
  EXPECT_FALSE(read_integer("-1", {.min = 0}, "query", "offset", errors));
  EXPECT_FALSE(read_integer("0", {.min = 1, .max = 100}, "query", "limit", errors));
  EXPECT_FALSE(read_integer("0", {.min = 1}, "path", "bookmark_id", errors));
  EXPECT_EQ(errors.entries().at("query").at("offset").front(),
            "Must be greater than or equal to 0.");
  EXPECT_EQ(errors.entries().at("query").at("limit").front(),
            "Must be greater than or equal to 1 and less than or equal to 100.");
  EXPECT_EQ(errors.entries().at("path").at("bookmark_id").front(),
            "Must be greater than or equal to 1.");
}

}  // namespace
}  // namespace nicecream::domain
