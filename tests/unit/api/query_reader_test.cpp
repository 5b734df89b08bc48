#include "api/common/query_reader.hpp"

#include <gtest/gtest.h>

#include <string>

#include "domain/timestamp.hpp"

namespace nicecream::api {
namespace {

std::string first_error(const QueryReader& reader, const char* field) {
  return reader.errors().entries().at("query").at(field).front();
}

TEST(QueryReaderText, CountsCodePointsNotBytes) {
  const std::string two_hundred_accents = [] {
    std::string text;
    for (int i = 0; i < 200; ++i) text += "\xC3\xB3";  // ó, two bytes
    return text;
  }();
  http::QueryParams query{{{"q", two_hundred_accents}}};
  QueryReader reader(query, {"q"});
  EXPECT_EQ(reader.text("q", 200), two_hundred_accents);
  EXPECT_TRUE(reader.errors().empty());
}

TEST(QueryReaderText, EmptyTooLongAndMalformedAreErrors) {
  for (const std::string& bad : {std::string(), std::string(201, 'a')}) {
    http::QueryParams query{{{"q", bad}}};
    QueryReader reader(query, {"q"});
    EXPECT_FALSE(reader.text("q", 200));
    EXPECT_EQ(first_error(reader, "q"), "Length must be between 1 and 200.");
  }
  for (const char* bad : {"\xC3", "\xC0\xAF", "\xED\xA0\x80", "\xF4\x90\x80\x80", "a\xFF"}) {
    http::QueryParams query{{{"q", bad}}};
    QueryReader reader(query, {"q"});
    EXPECT_FALSE(reader.text("q", 200));
    EXPECT_EQ(first_error(reader, "q"), "Not valid UTF-8.");
  }
}

TEST(QueryReaderTime, ReadsRfc3339AndRefusesAnEmptyWindow) {
  http::QueryParams query{{{"from", "2026-12-04T17:00:00+01:00"}, {"to", "2026-12-04T16:00:00Z"}}};
  QueryReader reader(query, {"from", "to"});
  const auto window = read_time_window(reader);
  EXPECT_EQ(window.from, domain::parse_rfc3339("2026-12-04T16:00:00Z"));
  EXPECT_FALSE(window.to);
  EXPECT_EQ(first_error(reader, "to"), "Must be later than from.");
}

TEST(QueryReaderTime, UnparseableIsAnErrorOnItsField) {
  http::QueryParams query{{{"from", "yesterday"}, {"to", "2026-12-04T16:00:00"}}};
  QueryReader reader(query, {"from", "to"});
  read_time_window(reader);
  EXPECT_TRUE(first_error(reader, "from").starts_with("Not a valid datetime"));
  EXPECT_TRUE(first_error(reader, "to").starts_with("Not a valid datetime"));
}

TEST(QueryReaderTime, NothingBefore1970) {
  http::QueryParams query{
      {{"from", "1969-12-31T23:59:59.999999Z"}, {"to", "1970-01-01T00:00:00Z"}}};
  QueryReader reader(query, {"from", "to"});
  const auto window = read_time_window(reader);
  EXPECT_FALSE(window.from);
  EXPECT_EQ(window.to, domain::Timestamp{});
  EXPECT_EQ(first_error(reader, "from"), "Must be 1970-01-01T00:00:00Z or later.");
}

TEST(QueryReaderChoice, NamesTheChoices) {
  http::QueryParams query{{{"by", "album"}}};
  QueryReader reader(query, {"by"});
  EXPECT_FALSE(reader.one_of("by", {"song", "artist"}));
  EXPECT_EQ(first_error(reader, "by"), "Must be one of: song, artist.");
  http::QueryParams good{{{"by", "artist"}}};
  QueryReader good_reader(good, {"by"});
  EXPECT_EQ(good_reader.one_of("by", {"song", "artist"}), "artist");
}

TEST(CatalogQuery, ReadsTextOffsetAndLimitAndRefusesBefore) {
  http::QueryParams query{{{"q", "sigur ros"}, {"offset", "5"}, {"limit", "7"}, {"before", "3"}}};
  QueryReader reader(query, {"q", "offset", "limit"});
  const auto catalog = read_catalog_query(reader);
  EXPECT_EQ(catalog.text, "sigur ros");
  EXPECT_EQ(catalog.offset, 5);
  EXPECT_EQ(catalog.limit, 7);
  EXPECT_EQ(first_error(reader, "before"), "Unknown field.");
}

}  // namespace
}  // namespace nicecream::api
