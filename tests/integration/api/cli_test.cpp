#include <sys/stat.h>

#include <fstream>
#include <string>

#include "integration/api/server_fixture.hpp"
#include "support/text_file.hpp"

namespace nicecream::testing {
namespace {

class CliTest : public CommandTest {};

// The commands that read settings or open the store, on each engine.
class CliStoreTest : public OnEachEngine<CliTest> {};

// Help and version touch no store: one engine is enough.
TEST_F(CliTest, HelpListsTheSubcommands) {
  const auto result = run_nicecream({"--help"}, {});
  EXPECT_EQ(result.exit_code, 0);
  for (const auto* command : {"serve", "crawl", "migrate", "channels", "version"})
    EXPECT_NE(result.output.find(command), std::string::npos) << command;
}

TEST_F(CliTest, VersionPrintsOneLine) {
  const auto result = run_nicecream({"version"}, {});
  EXPECT_EQ(result.exit_code, 0);
  EXPECT_EQ(result.output.rfind("nicecream ", 0), 0u);
}

TEST_P(CliStoreTest, MigrateTwiceChangesNothingTheSecondTime) {
  const auto first = run_nicecream({"migrate"}, env());
  ASSERT_EQ(first.exit_code, 0) << first.output;
  EXPECT_EQ(first.output.find("applied 0"), std::string::npos) << first.output;
  const auto second = run_nicecream({"migrate"}, env());
  EXPECT_EQ(second.exit_code, 0);
  EXPECT_NE(second.output.find("applied 0 migration(s)"), std::string::npos) << second.output;
}

TEST_P(CliStoreTest, MigrateToStopsAtThatVersion) {
  const auto early = run_nicecream({"migrate", "--to", "1"}, env());
  ASSERT_EQ(early.exit_code, 0) << early.output;
  EXPECT_NE(early.output.find("applied 1 migration(s); schema at version 1"), std::string::npos)
      << early.output;
  const auto rest = run_nicecream({"migrate"}, env());
  EXPECT_EQ(rest.exit_code, 0);
  EXPECT_EQ(rest.output.find("schema at version 1\n"), std::string::npos) << rest.output;
  EXPECT_NE(run_nicecream({"migrate", "--to", "0"}, env()).exit_code, 0);
}

TEST_P(CliStoreTest, ChannelsAddListRemove) {
  const auto ready = ready_env();
  auto added = run_nicecream({"channels", "add", "jazz", "http://127.0.0.1:9/status-json.xsl#/live",
                              "--format", "icecast"},
                             ready);
  ASSERT_EQ(added.exit_code, 0) << added.output;
  EXPECT_NE(added.output.find("added channel 4 jazz"), std::string::npos) << added.output;
  const auto listed = run_nicecream({"channels", "list"}, ready);
  EXPECT_NE(listed.output.find("jazz"), std::string::npos);
  EXPECT_NE(listed.output.find("icecast"), std::string::npos);
  EXPECT_NE(listed.output.find("red"), std::string::npos);
  EXPECT_EQ(run_nicecream({"channels", "add", "jazz", "http://127.0.0.1:9/x"}, ready).exit_code, 1)
      << "names are unique";
  EXPECT_EQ(run_nicecream({"channels", "remove", "4"}, ready).exit_code, 0);
  EXPECT_EQ(run_nicecream({"channels", "list"}, ready).output.find("jazz"), std::string::npos);
  EXPECT_EQ(run_nicecream({"channels", "remove", "4"}, ready).exit_code, 1);
}

// Writes `text` to a file of the test's scratch directory and returns its path.
std::string write_scratch(const TempDir& scratch, const std::string& name,
                          const std::string& text) {
  const auto path = scratch.path() / name;
  std::ofstream(path, std::ios::binary) << text;
  return path.string();
}

TEST_P(CliStoreTest, ChannelsImportSkipsDuplicatesAndReportsEachUnusableLine) {
  const auto ready = ready_env();
  const auto m3u = write_scratch(scratch, "stations.m3u",
                                 "#EXTM3U\n"
                                 "#EXTINF:-1,Radio Paradise Main\n"
                                 "http://127.0.0.1:9/paradise\n"
                                 "#EXTINF:-1,Radio Paradise Mellow\n"
                                 "http://127.0.0.1:9/mellow\n"
                                 "/local/file.mp3\n"
                                 "http://127.0.0.1:9/paradise\n");
  const auto imported = run_nicecream({"channels", "import", m3u}, ready);
  ASSERT_EQ(imported.exit_code, 0) << imported.output;
  EXPECT_NE(imported.output.find("added channel 4 Radio Para"), std::string::npos)
      << imported.output;
  EXPECT_NE(imported.output.find("added channel 5 Radio Pa 2"), std::string::npos)
      << imported.output;
  EXPECT_NE(imported.output.find("line 6: not an http or https URL"), std::string::npos)
      << imported.output;
  EXPECT_NE(imported.output.find("line 7: skipped"), std::string::npos) << imported.output;
  EXPECT_NE(imported.output.find("added 2 channel(s), skipped 1 already present, 1 line(s) not"),
            std::string::npos)
      << imported.output;

  const auto again = run_nicecream({"channels", "import", m3u}, ready);
  EXPECT_NE(again.output.find("added 0 channel(s), skipped 3 already present"), std::string::npos)
      << again.output;

  const auto pls = write_scratch(scratch, "more.list",
                                 "[playlist]\nFile1=http://127.0.0.1:9/pls\nTitle1=jazz\n");
  EXPECT_EQ(run_nicecream({"channels", "import", pls}, ready).exit_code, 2)
      << "no extension, no --format";
  const auto with_format = run_nicecream({"channels", "import", pls, "--format", "pls"}, ready);
  EXPECT_NE(with_format.output.find("added channel 6 jazz"), std::string::npos)
      << with_format.output;
}

TEST_P(CliStoreTest, ChannelsExportIsWhatImportReads) {
  const auto ready = ready_env();
  ASSERT_EQ(run_nicecream({"channels", "add", "az, ura", "https://radio.example/api", "--format",
                           "json", "--title-pointer", "/now/title"},
                          ready)
                .exit_code,
            0);
  const auto csv = (scratch.path() / "channels.csv").string();
  ASSERT_EQ(run_nicecream({"channels", "export", "--output", csv}, ready).exit_code, 0);
  const auto text = read_text_file(csv);
  EXPECT_EQ(text.rfind("name,url,format,title_pointer\r\nred,", 0), 0u) << text;
  EXPECT_NE(text.find("\"az, ura\",https://radio.example/api,json,/now/title\r\n"),
            std::string::npos)
      << text;

  forget_store();  // a new database (PostgreSQL) and a new data directory (SQLite)
  auto other_store = env();
  other_store["NICECREAM_DATA_DIR"] = (scratch.path() / "other").string();
  prepare_store(other_store);
  const auto imported = run_nicecream({"channels", "import", csv}, other_store);
  EXPECT_NE(imported.output.find("added 1 channel(s), skipped 3 already present"),
            std::string::npos)
      << imported.output;
  const auto listed = run_nicecream({"channels", "list"}, other_store);
  EXPECT_NE(listed.output.find("az, ura"), std::string::npos) << listed.output;
  EXPECT_NE(listed.output.find("/now/title"), std::string::npos) << listed.output;
}

TEST_P(CliStoreTest, ChannelsAddRejectsBadInput) {
  const auto ready = ready_env();
  const auto bad_format =
      run_nicecream({"channels", "add", "x", "http://127.0.0.1/a", "--format", "mp3"}, ready);
  EXPECT_NE(bad_format.exit_code, 0);
  EXPECT_NE(bad_format.output.find("unknown format 'mp3'"), std::string::npos);
  EXPECT_NE(
      run_nicecream({"channels", "add", "waytoolongname", "http://127.0.0.1/a"}, ready).exit_code,
      0);
  EXPECT_NE(run_nicecream({"channels", "add", "x", "ftp://127.0.0.1/a"}, ready).exit_code, 0);
  EXPECT_NE(run_nicecream({"channels", "add", "x", "http://127.0.0.1/a", "--format", "json"}, ready)
                .exit_code,
            0);
}

TEST_P(CliStoreTest, BadConfigurationExitsWithOneLineNamingTheVariable) {
  auto with = [this](std::string name, std::string value) {
    return run_nicecream({"serve"}, ready_env({{name, value}}));
  };
  const auto port = with("API_PORT", "http");
  EXPECT_EQ(port.exit_code, 2);
  EXPECT_EQ(port.output,
            "nicecream: configuration error: API_PORT: 'http' is not a whole number\n");
  const auto flag = with("API_DEBUG", "sometimes");
  EXPECT_EQ(flag.exit_code, 2);
  EXPECT_NE(flag.output.find("API_DEBUG"), std::string::npos);
  const auto host = with("API_HOST", "not-an-address");
  EXPECT_NE(host.exit_code, 0);
  EXPECT_NE(host.output.find("API_HOST"), std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(Engines, CliStoreTest, both_engines(), engine_name);

// SQLite only, like the next: the data directory and nicecream.db are where SQLite keeps its data.
TEST_F(CliTest, UnwritableDataDirectoryIsNamed) {
  if (geteuid() == 0) {
    // root writes anywhere; a path under a regular file cannot be a directory for anyone
    std::ofstream(scratch.path() / "file") << "x";
    const auto result = run_nicecream(
        {"migrate"}, {{"NICECREAM_DATA_DIR", (scratch.path() / "file" / "data").string()}});
    EXPECT_NE(result.exit_code, 0);
    EXPECT_NE(result.output.find((scratch.path() / "file").string()), std::string::npos)
        << result.output;
    return;
  }
  std::filesystem::create_directories(scratch.path() / "locked");
  chmod((scratch.path() / "locked").c_str(), 0500);
  const auto result = run_nicecream(
      {"migrate"}, {{"NICECREAM_DATA_DIR", (scratch.path() / "locked" / "data").string()}});
  EXPECT_NE(result.exit_code, 0);
  EXPECT_NE(result.output.find("locked"), std::string::npos) << result.output;
}

TEST_F(CliTest, UnreadableDatabaseIsNamed) {
  std::filesystem::create_directories(scratch.path() / "data");
  std::ofstream(scratch.path() / "data" / "nicecream.db") << std::string(4096, 'z');
  const auto result = run_nicecream({"serve"}, env());
  EXPECT_NE(result.exit_code, 0);
  EXPECT_NE(result.output.find("nicecream.db"), std::string::npos) << result.output;
  EXPECT_EQ(std::count(result.output.begin(), result.output.end(), '\n'), 1) << result.output;
}

}  // namespace
}  // namespace nicecream::testing
