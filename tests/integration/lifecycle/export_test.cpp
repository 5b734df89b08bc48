#include <boost/json/parse.hpp>
#include <fstream>
#include <limits>
#include <sstream>

#include "domain/timestamp.hpp"
#include "integration/lifecycle/lifecycle_fixture.hpp"
#include "support/text_file.hpp"

namespace nicecream::testing {
namespace {

class ExportTest : public LifecycleTest {
 protected:
  std::vector<std::string> lines_of(const std::string& text, const std::string& separator) {
    std::vector<std::string> lines;
    for (std::size_t at = 0; at < text.size();) {
      const auto end = text.find(separator, at);
      lines.push_back(text.substr(at, end - at));
      at = end == std::string::npos ? text.size() : end + separator.size();
    }
    return lines;
  }
};

TEST_P(ExportTest, CsvHoldsTheRangeNewestFirstWithFieldsQuoted) {
  record(1, "Too - Old", 30);
  record(1, "Earth, Wind & Fire - September", 5);
  record(2, "The \"Best\" - Song", 4);
  record(1, "Too - New", 0);
  const auto out = scratch.path() / "history.csv";
  const auto from = domain::format_timestamp(domain::now() - std::chrono::days{10});
  const auto to = domain::format_timestamp(domain::now() - std::chrono::days{1});
  const auto result =
      run_nicecream({"export", "--from", from, "--to", to, "--output", out.string()}, settings);
  ASSERT_EQ(result.exit_code, 0) << result.output;
  EXPECT_NE(result.output.find("exported 2 item(s)"), std::string::npos) << result.output;

  const auto lines = lines_of(read_text_file(out), "\r\n");
  ASSERT_EQ(lines.size(), 3u) << read_text_file(out);
  EXPECT_EQ(lines[0], "id,created_at,channel_id,channel_name,song_id,song_title,artist,track");
  EXPECT_NE(lines[1].find(",2,green,"), std::string::npos) << lines[1];
  EXPECT_NE(lines[1].find(",\"The \"\"Best\"\" - Song\",\"The \"\"Best\"\"\",Song"),
            std::string::npos)
      << lines[1];
  EXPECT_NE(lines[2].find(",1,red,"), std::string::npos) << lines[2];
  EXPECT_NE(lines[2].find(",\"Earth, Wind & Fire - September\",\"Earth, Wind & Fire\",September"),
            std::string::npos)
      << lines[2];
}

TEST_P(ExportTest, NdjsonIsOneObjectPerItemAcrossPages) {
  for (int i = 0; i < 250; ++i) record(1 + i % 3, "Artist " + std::to_string(i) + " - Song", 1);
  const auto out = scratch.path() / "history.ndjson";
  const auto result = run_nicecream(
      {"export", "--format", "ndjson", "--channel", "2", "--output", out.string()}, settings);
  ASSERT_EQ(result.exit_code, 0) << result.output;
  auto lines = lines_of(read_text_file(out), "\n");
  ASSERT_EQ(lines.size(), 83u);
  std::int64_t previous_id = std::numeric_limits<std::int64_t>::max();
  for (const auto& line : lines) {
    const auto item = boost::json::parse(line).as_object();
    EXPECT_EQ(item.at("channel_id").as_int64(), 2);
    EXPECT_EQ(item.at("channel_name").as_string(), "green");
    EXPECT_LT(item.at("id").as_int64(), previous_id);
    previous_id = item.at("id").as_int64();
  }
  EXPECT_EQ(boost::json::parse(lines.back()).at("song_title").as_string(), "Artist 1 - Song");
}

TEST_P(ExportTest, BadOptionsAreClearErrors) {
  const auto bad_time = run_nicecream({"export", "--from", "yesterday"}, settings);
  EXPECT_NE(bad_time.exit_code, 0);
  EXPECT_NE(bad_time.output.find("--from 'yesterday' is not an RFC 3339 time"), std::string::npos)
      << bad_time.output;
  const auto bad_format = run_nicecream({"export", "--format", "xml"}, settings);
  EXPECT_NE(bad_format.exit_code, 0);
  EXPECT_NE(bad_format.output.find("xml"), std::string::npos) << bad_format.output;
  const auto unwritable = run_nicecream(
      {"export", "--output", (scratch.path() / "no" / "such" / "dir.csv").string()}, settings);
  EXPECT_NE(unwritable.exit_code, 0);
  EXPECT_NE(unwritable.output.find("cannot write"), std::string::npos) << unwritable.output;
}

INSTANTIATE_TEST_SUITE_P(Engines, ExportTest, both_engines(), engine_name);

}  // namespace
}  // namespace nicecream::testing
