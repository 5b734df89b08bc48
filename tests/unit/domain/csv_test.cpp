#include "lifecycle/csv.hpp"

#include <gtest/gtest.h>

namespace nicecream::lifecycle {
namespace {

TEST(CsvField, PlainTextStaysAsItIs) {
  EXPECT_EQ(csv_field("Sigur Rós - Hoppípolla"), "Sigur Rós - Hoppípolla");
  EXPECT_EQ(csv_field(""), "");
  EXPECT_EQ(csv_field("=1+1"), "=1+1");
}

TEST(CsvField, SeparatorsAndLineBreaksAreQuoted) {
  EXPECT_EQ(csv_field("Earth, Wind & Fire - September"), "\"Earth, Wind & Fire - September\"");
  EXPECT_EQ(csv_field("one\ntwo"), "\"one\ntwo\"");
  EXPECT_EQ(csv_field("one\rtwo"), "\"one\rtwo\"");
}

TEST(CsvField, QuotesAreDoubled) {
  EXPECT_EQ(csv_field("The \"Best\" Song"), "\"The \"\"Best\"\" Song\"");
}

}  // namespace
}  // namespace nicecream::lifecycle
