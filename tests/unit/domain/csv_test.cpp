#include "domain/csv.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace nicecream::domain {
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

std::vector<std::vector<std::string>> read_all(std::string_view text) {
  CsvReader reader(text);
  std::vector<std::vector<std::string>> records;
  while (auto record = reader.next()) records.push_back(*record);
  return records;
}

TEST(CsvReader, ReadsWhatCsvFieldWrites) {
  const std::vector<std::string> fields{"plain", "Earth, Wind & Fire", "The \"Best\"", "one\ntwo",
                                        ""};
  std::string line;
  for (const auto& field : fields) line += (line.empty() ? "" : ",") + csv_field(field);
  EXPECT_EQ(read_all(line + "\r\nnext,row\n"),
            (std::vector<std::vector<std::string>>{fields, {"next", "row"}}));
}

TEST(CsvReader, CountsLinesAcrossQuotedLineBreaks) {
  CsvReader reader("a,\"b\nc\"\nd\n");
  ASSERT_TRUE(reader.next());
  EXPECT_EQ(reader.line(), 1);
  ASSERT_TRUE(reader.next());
  EXPECT_EQ(reader.line(), 3);
  EXPECT_FALSE(reader.next());
}

TEST(CsvReader, AnOpenQuoteIsMalformed) {
  CsvReader reader("ok\n\"never closed,x\n");
  EXPECT_TRUE(reader.next());
  EXPECT_FALSE(reader.next());
  EXPECT_TRUE(reader.malformed());
}

}  // namespace
}  // namespace nicecream::domain
