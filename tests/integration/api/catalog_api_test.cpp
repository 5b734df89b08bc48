// Search, time windows, songs, artists, stats and charts against the running binary, on both
// engines and signed out.
#include <algorithm>
#include <boost/json.hpp>
#include <chrono>
#include <cstdio>

#include "domain/timestamp.hpp"
#include "integration/api/server_fixture.hpp"

namespace nicecream::testing {
namespace {

namespace json = boost::json;
using namespace std::chrono_literals;

std::string encode(std::string_view text) {
  std::string out;
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    const bool plain = (byte >= 'a' && byte <= 'z') || (byte >= 'A' && byte <= 'Z') ||
                       (byte >= '0' && byte <= '9') || byte == '-' || byte == '_' || byte == '.' ||
                       byte == '~';
    if (plain) {
      out += c;
      continue;
    }
    char hex[4];
    std::snprintf(hex, sizeof hex, "%%%02X", byte);
    out += hex;
  }
  return out;
}

domain::Timestamp at(const char* rfc3339) {
  return *domain::parse_rfc3339(rfc3339);
}

std::vector<std::string> titles_of(const json::array& items, const char* field = "song_title") {
  std::vector<std::string> titles;
  for (const auto& item : items) titles.emplace_back(item.at(field).as_string());
  return titles;
}

class CatalogApiTest : public OnEachEngine<> {
 protected:
  void SetUp() override { start(); }

  domain::HistoryItem play(domain::Id channel, const std::string& title, domain::Timestamp when) {
    auto outcome = store().record_title(channel, title, when);
    EXPECT_TRUE(outcome.inserted) << title;
    return outcome.inserted.value_or(domain::HistoryItem{});
  }

  json::array list(const std::string& target) {
    const auto response = client->get(target);
    EXPECT_EQ(response.status, 200) << target << ": " << response.body;
    if (response.status != 200) return {};
    EXPECT_EQ(response.header("content-type"), "application/json");
    return response.json().as_array();
  }

  json::value object(const std::string& target) {
    const auto response = client->get(target);
    EXPECT_EQ(response.status, 200) << target << ": " << response.body;
    return response.status == 200 ? response.json() : json::value{};
  }

  std::string error(const std::string& target, int status) {
    const auto response = client->get(target);
    EXPECT_EQ(response.status, status) << target << ": " << response.body;
    EXPECT_EQ(response.header("content-type"), "application/json") << target;
    return response.body;
  }

  // Three songs, two spellings of one artist, a title with no artist; plays a minute apart.
  void seed_catalog() {
    const auto base = domain::now() - 1h;
    play(1, "Sigur Rós - Hoppípolla", base);
    play(1, "Björk - Hyperballad", base + 1min);
    play(2, "sigur ros - Glósóli", base + 2min);
    play(2, "Sigur Rós - Hoppípolla", base + 3min);
    play(3, "Station Jingle", base + 4min);
    play(3, "Sigur Rós - Hoppípolla", base + 5min);
  }
};

// An artist's airings: every song under every spelling, with the other filters and the paging;
// never from the unfiltered pages' cache.
TEST_P(CatalogApiTest, HistoryByArtistTakesEverySpellingAndTheOtherFilters) {
  seed_catalog();
  const auto unfiltered = list("/history?limit=3");  // cached: the artist's pages must not be
  const auto sigur = std::to_string(list("/artists?q=sigur")[0].at("id").as_int64());
  const auto bjork = std::to_string(list("/artists?q=bjork")[0].at("id").as_int64());
  const auto all = list("/history?artist_id=" + sigur);
  EXPECT_EQ(titles_of(all),
            (std::vector<std::string>{"Sigur Rós - Hoppípolla", "Sigur Rós - Hoppípolla",
                                      "sigur ros - Glósóli", "Sigur Rós - Hoppípolla"}));
  EXPECT_NE(list("/history?limit=3&artist_id=" + sigur), unfiltered);
  EXPECT_EQ(list("/history?artist_id=" + sigur + "&channel_id=2").size(), 2u);
  EXPECT_EQ(titles_of(list("/history?artist_id=" + sigur + "&q=glosoli")),
            std::vector<std::string>{"sigur ros - Glósóli"});
  EXPECT_TRUE(list("/history?artist_id=" + bjork + "&q=glosoli").empty());
  const auto second = list("/history?artist_id=" + sigur +
                           "&limit=1&before=" + std::to_string(all[0].at("id").as_int64()));
  ASSERT_EQ(second.size(), 1u);
  EXPECT_EQ(second[0], all[1]);
  EXPECT_EQ(list("/history?artist_id=" + sigur + "&limit=1&offset=1"), second);
  EXPECT_TRUE(list("/history?artist_id=999999").empty());
  EXPECT_EQ(error("/history?artist_id=0", 422),
            R"({"detail":{"query":{"artist_id":["Must be greater than or equal to 1."]}}})");
  EXPECT_EQ(error("/history?artist_id=x", 422),
            R"({"detail":{"query":{"artist_id":["Not a valid integer."]}}})");
  EXPECT_NE(error("/history?gaps=true&artist_id=" + sigur, 422).find(R"("gaps")"),
            std::string::npos);
}

TEST_P(CatalogApiTest, HistorySearchIgnoresCaseAndDiacriticsAndTakesThePrefixOfTheLastWord) {
  seed_catalog();
  EXPECT_EQ(titles_of(list("/history?q=" + encode("sigur ros hopp"))),
            std::vector<std::string>(3, "Sigur Rós - Hoppípolla"));
  EXPECT_EQ(list("/history?q=SIGUR").size(), 4u);
  EXPECT_EQ(titles_of(list("/history?q=" + encode("BJÖRK"))),
            std::vector<std::string>{"Björk - Hyperballad"});
  EXPECT_EQ(titles_of(list("/history?q=bjork%20hyp")),
            std::vector<std::string>{"Björk - Hyperballad"});
  EXPECT_EQ(titles_of(list("/history?q=glosoli")), std::vector<std::string>{"sigur ros - Glósóli"});
  EXPECT_TRUE(list("/history?q=nothing%20like%20this").empty());
  // Newest first, and combined with the channel, the limit and keyset paging.
  const auto on_two = list("/history?q=sigur&channel_id=2");
  ASSERT_EQ(on_two.size(), 2u);
  EXPECT_GT(on_two[0].at("id").as_int64(), on_two[1].at("id").as_int64());
  const auto first = list("/history?q=sigur&limit=1");
  ASSERT_EQ(first.size(), 1u);
  const auto next =
      list("/history?q=sigur&limit=1&before=" + std::to_string(first[0].at("id").as_int64()));
  ASSERT_EQ(next.size(), 1u);
  EXPECT_LT(next[0].at("id").as_int64(), first[0].at("id").as_int64());
  EXPECT_EQ(list("/history?q=sigur&offset=1&limit=1"), next);
}

TEST_P(CatalogApiTest, SearchSyntaxIsPlainTextNeverAnError) {
  seed_catalog();
  const char* queries[] = {
      "\"",       "\"sigur",   "sigur*",         "-sigur",   "^sigur",     "(sigur", "sigur)",
      "sigur OR", "NEAR(a b)", "a AND b",        "NOT x",    "title:x",    "%",      "_",
      "\\",       "'",         "';--",           "{x}",      "sigur\"ros", "***",    "ros%00",
      "🎵",        "a:b*c^d",   "NEAR/2",         "\"\"\"\"", "sigur +ros", "[x]",    "~x",
      "x|y",      "@@",        "sigur ros (hopp"};
  for (const std::string query : queries) {
    for (const auto* route : {"/history?q=", "/songs?q=", "/artists?q="}) {
      const auto target = route + encode(query);
      const auto response = client->get(target);
      EXPECT_EQ(response.status, 200) << target << ": " << response.body;
      if (response.status == 200) {
        EXPECT_TRUE(response.json().is_array()) << target;
      }
    }
  }
  EXPECT_EQ(list("/history?q=" + encode("\"sigur\" (ros)* hopp")).size(), 3u);
  EXPECT_EQ(list("/history?q=sigur%00hopp").size(), 3u) << "NUL separates words";
  EXPECT_TRUE(list("/history?q=" + encode("*** ---")).empty()) << "no words, no matches";
}

TEST_P(CatalogApiTest, ExtremeButValidInputIsAnsweredNotFailed) {
  seed_catalog();
  std::string many_words;
  for (int i = 0; i < 100; ++i) many_words += "s ";
  const auto huge = std::to_string(INT64_MAX);
  for (const auto& target : std::vector<std::string>{
           "/history?q=" + encode(many_words), "/songs?q=" + encode(many_words),
           "/artists?q=" + encode(many_words), "/history?q=sigur&offset=" + huge,
           "/songs?offset=" + huge, "/artists?offset=" + huge, "/history?song_id=" + huge,
           "/history?from=9999-12-31T23:59:59.999999Z", "/history?to=1970-01-01T00:00:00.000001Z",
           "/history?channel_id=" + huge + "&q=sigur&from=2026-01-01T00:00:00Z",
           "/charts?from=2016-12-01T00:00:00Z&to=2026-12-01T00:00:00Z",
           "/charts?by=artist&channel_id=" + huge, "/charts?to=9999-12-31T23:59:59Z"})
    EXPECT_TRUE(list(target).empty()) << target;
  for (const auto& target :
       std::vector<std::string>{"/songs/" + huge, "/artists/" + huge, "/songs/" + huge + "/stats"})
    EXPECT_EQ(client->get(target).status, 404) << target;
}

TEST_P(CatalogApiTest, SearchTextIsOneToTwoHundredCharacters) {
  std::string accents;
  for (int i = 0; i < 200; ++i) accents += "ó";
  EXPECT_TRUE(list("/history?q=" + encode(accents)).empty());
  const auto length = R"({"detail":{"query":{"q":["Length must be between 1 and 200."]}}})";
  EXPECT_EQ(error("/history?q=" + encode(accents + "o"), 422), length);
  EXPECT_EQ(error("/history?q=", 422), length);
  EXPECT_EQ(error("/songs?q=" + std::string(201, 'a'), 422), length);
  EXPECT_EQ(error("/artists?q=", 422), length);
  EXPECT_EQ(error("/history?q=%C3", 422), R"({"detail":{"query":{"q":["Not valid UTF-8."]}}})");
}

TEST_P(CatalogApiTest, TimeWindowsAreFromInclusiveToExclusiveInAnyOffset) {
  const auto first = play(1, "A - One", at("2026-12-04T16:00:00Z"));
  const auto second = play(1, "A - Two", at("2026-12-04T16:05:00Z"));
  const auto third = play(2, "A - Three", at("2026-12-04T16:10:00.5Z"));
  auto ids = [](const json::array& items) {
    std::vector<std::int64_t> out;
    for (const auto& item : items) out.push_back(item.at("id").as_int64());
    return out;
  };
  EXPECT_EQ(ids(list("/history?from=" + encode("2026-12-04T17:05:00+01:00"))),
            (std::vector<std::int64_t>{third.id, second.id}));
  EXPECT_EQ(ids(list("/history?to=" + encode("2026-12-04T21:50:00+05:45"))),
            (std::vector<std::int64_t>{first.id}))
      << "to is exclusive";
  EXPECT_EQ(ids(list("/history?from=2026-12-04T16:00:00Z&to=2026-12-04T16:10:00.5Z")),
            (std::vector<std::int64_t>{second.id, first.id}));
  EXPECT_EQ(ids(list("/history?from=2026-12-04T11:10:00.500000-05:00")),
            (std::vector<std::int64_t>{third.id}));
  // What was playing at 16:07 on channel 1: the item that started before it.
  EXPECT_EQ(ids(list("/history?channel_id=1&to=2026-12-04T16:07:00Z&limit=1")),
            (std::vector<std::int64_t>{second.id}));
  EXPECT_EQ(ids(list("/history?channel_id=2&to=2026-12-04T16:07:00Z&limit=1")),
            (std::vector<std::int64_t>{}));
  EXPECT_EQ(ids(list("/history?q=three&from=2026-12-04T16:00:00Z&channel_id=2")),
            (std::vector<std::int64_t>{third.id}));
  const auto datetime_error = [](const char* field) {
    return std::string(R"({"detail":{"query":{")") + field +
           R"(":["Not a valid datetime: RFC 3339 with an offset, e.g. 2026-12-04T17:05:00+01:00."]}}})";
  };
  EXPECT_EQ(error("/history?from=yesterday", 422), datetime_error("from"));
  EXPECT_EQ(error("/history?to=2026-12-04T16:00:00", 422), datetime_error("to"));
  EXPECT_EQ(error("/history?to=2026-02-30T16:00:00Z", 422), datetime_error("to"));
  EXPECT_EQ(error("/history?from=0000-01-01T00:00:00Z", 422),
            R"({"detail":{"query":{"from":["Must be 1970-01-01T00:00:00Z or later."]}}})");
  EXPECT_TRUE(list("/history?from=1970-01-01T00:00:00Z&to=1970-01-02T00:00:00Z").empty());
  EXPECT_EQ(error("/history?from=2026-12-04T16:00:00Z&to=2026-12-04T17:00:00%2B01:00", 422),
            R"({"detail":{"query":{"to":["Must be later than from."]}}})");
}

TEST_P(CatalogApiTest, HistoryOfOneSong) {
  seed_catalog();
  const auto songs = list("/songs?q=hoppipolla");
  ASSERT_EQ(songs.size(), 1u);
  const auto song_id = songs[0].at("id").as_int64();
  const auto airings = list("/history?song_id=" + std::to_string(song_id));
  ASSERT_EQ(airings.size(), 3u);
  for (const auto& item : airings) EXPECT_EQ(item.at("song_id").as_int64(), song_id);
  EXPECT_EQ(list("/history?song_id=" + std::to_string(song_id) + "&channel_id=3").size(), 1u);
  EXPECT_TRUE(list("/history?song_id=999999").empty());
  EXPECT_EQ(error("/history?song_id=0", 422),
            R"({"detail":{"query":{"song_id":["Must be greater than or equal to 1."]}}})");
  EXPECT_EQ(error("/history?song_id=x", 422),
            R"({"detail":{"query":{"song_id":["Not a valid integer."]}}})");
}

TEST_P(CatalogApiTest, SongsAreMostPlayedFirstWithTheirArtist) {
  seed_catalog();
  const auto songs = list("/songs");
  ASSERT_EQ(songs.size(), 4u);
  const auto& top = songs[0].as_object();
  EXPECT_EQ(top.at("title").as_string(), "Sigur Rós - Hoppípolla");
  EXPECT_EQ(top.at("artist").as_string(), "Sigur Rós");
  EXPECT_EQ(top.at("track").as_string(), "Hoppípolla");
  EXPECT_TRUE(top.at("artist_id").is_int64());
  EXPECT_EQ(top.at("plays").as_int64(), 3);
  EXPECT_LT(std::string(top.at("first_played_at").as_string()),
            std::string(top.at("last_played_at").as_string()));
  EXPECT_EQ(top.size(), 8u);
  for (const auto& song : songs) {
    if (song.at("title").as_string() != "Station Jingle") continue;
    EXPECT_EQ(song.at("artist").as_string(), "");
    EXPECT_TRUE(song.at("artist_id").is_null());
    EXPECT_EQ(song.at("track").as_string(), "Station Jingle");
  }
  EXPECT_EQ(list("/songs?limit=2").size(), 2u);
  EXPECT_EQ(list("/songs?offset=1&limit=1")[0], songs[1]);
  EXPECT_TRUE(list("/songs?offset=10").empty());
  // Relevance is each engine's own (bm25, trigram similarity): only the set is common.
  auto found = titles_of(list("/songs?q=" + encode("sígur rós")), "title");
  std::ranges::sort(found);
  EXPECT_EQ(found, (std::vector<std::string>{"Sigur Rós - Hoppípolla", "sigur ros - Glósóli"}));
  EXPECT_EQ(error("/songs?before=3", 422), R"({"detail":{"query":{"before":["Unknown field."]}}})");
  EXPECT_EQ(
      error("/songs?limit=101", 422),
      R"({"detail":{"query":{"limit":["Must be greater than or equal to 1 and less than or equal to 100."]}}})");
}

TEST_P(CatalogApiTest, ASongHasItsPlaysPerChannel) {
  seed_catalog();
  const auto id = list("/songs?q=hoppipolla")[0].at("id").as_int64();
  const auto song = object("/songs/" + std::to_string(id)).as_object();
  EXPECT_EQ(song.at("id").as_int64(), id);
  EXPECT_EQ(song.at("plays").as_int64(), 3);
  const auto& channels = song.at("channels").as_array();
  ASSERT_EQ(channels.size(), 3u);
  for (std::size_t i = 0; i < 3; ++i) {
    EXPECT_EQ(channels[i].at("channel_id").as_int64(), static_cast<std::int64_t>(i + 1));
    EXPECT_EQ(channels[i].at("plays").as_int64(), 1);
  }
  EXPECT_EQ(channels[2].at("last_played_at"), song.at("last_played_at"));
  EXPECT_EQ(song.size(), 9u);
  EXPECT_EQ(error("/songs/999999", 404), R"({"detail":"Song not found."})");
  EXPECT_EQ(error("/songs/0", 422),
            R"({"detail":{"path":{"song_id":["Must be greater than or equal to 1."]}}})");
  EXPECT_EQ(error("/songs/abc", 422),
            R"({"detail":{"path":{"song_id":["Not a valid integer."]}}})");
  EXPECT_EQ(error("/songs/1?x=1", 422), R"({"detail":{"query":{"x":["Unknown field."]}}})");
}

TEST_P(CatalogApiTest, SongStatsCountLocalWeekdaysHoursAndDays) {
  using namespace std::chrono;
  // Two plays two days ago in the first quarter of an hour (one local hour in every zone below),
  // and one 400 days ago (outside the default year).
  const auto hour = floor<hours>(domain::now()) - 48h;
  const auto item = play(1, "Stats - Song", domain::Timestamp{hour});
  play(1, "Other - Song", domain::Timestamp{hour} + 2min);
  play(1, "Stats - Song", domain::Timestamp{hour} + 5min);
  play(2, "Stats - Song", domain::Timestamp{hour} - days{400});
  const auto song = "/songs/" + std::to_string(item.song_id);

  auto expect_counts = [&](const std::string& tz, minutes offset) {
    const auto stats = object(song + "/stats?tz=" + encode(tz)).as_object();
    EXPECT_EQ(stats.at("tz").as_string(), tz);
    const auto local = sys_days{} + (hour + offset).time_since_epoch();
    const auto day = floor<days>(local);
    const auto weekday_index = (weekday{day}.iso_encoding() - 1);
    const auto local_hour = duration_cast<hours>(local - day).count();
    const auto& rows = stats.at("by_weekday_hour").as_array();
    ASSERT_EQ(rows.size(), 7u);
    std::int64_t total = 0;
    for (const auto& row : rows) {
      ASSERT_EQ(row.as_array().size(), 24u);
      for (const auto& plays : row.as_array()) total += plays.as_int64();
    }
    EXPECT_EQ(total, 2) << tz;
    EXPECT_EQ(rows[weekday_index].as_array()[local_hour].as_int64(), 2) << tz;
    const auto& by_day = stats.at("by_day").as_array();
    ASSERT_EQ(by_day.size(), 1u) << tz;
    EXPECT_EQ(by_day[0].at("plays").as_int64(), 2);
    EXPECT_EQ(std::string(by_day[0].at("date").as_string()),
              domain::format_timestamp(domain::Timestamp{day.time_since_epoch()}).substr(0, 10));
  };
  expect_counts("UTC", 0min);
  expect_counts("Asia/Kathmandu", 5h + 45min);
  expect_counts("Asia/Kolkata", 5h + 30min);
  const auto all = object(song + "/stats?days=3650").as_object();
  EXPECT_EQ(all.at("by_day").as_array().size(), 2u);
  EXPECT_TRUE(object(song + "/stats?days=1").at("by_day").as_array().empty());
  EXPECT_EQ(object(song + "/stats").at("tz").as_string(), "UTC");
  EXPECT_EQ(
      error(song + "/stats?tz=Mars/Olympus", 422),
      R"({"detail":{"query":{"tz":["Unknown time zone: an IANA name such as Europe/Berlin."]}}})");
  EXPECT_EQ(
      error(song + "/stats?tz=" + encode("../../etc/passwd"), 422),
      R"({"detail":{"query":{"tz":["Unknown time zone: an IANA name such as Europe/Berlin."]}}})");
  EXPECT_EQ(
      error(song + "/stats?days=0", 422),
      R"({"detail":{"query":{"days":["Must be greater than or equal to 1 and less than or equal to 3650."]}}})");
  EXPECT_EQ(
      error(song + "/stats?days=3651", 422),
      R"({"detail":{"query":{"days":["Must be greater than or equal to 1 and less than or equal to 3650."]}}})");
  EXPECT_EQ(error("/songs/999999/stats", 404), R"({"detail":"Song not found."})");
}

// An artist's stats add up every song under every spelling, seen from the listener's zone; the
// parameters and their errors are the song stats' (one handler).
TEST_P(CatalogApiTest, ArtistStatsAddUpItsSongsInTheListenersZone) {
  using namespace std::chrono;
  const auto hour = floor<hours>(domain::now()) - 48h;
  play(1, "Sigur Rós - Hoppípolla", domain::Timestamp{hour});
  play(2, "Sigur Ros - Glósóli", domain::Timestamp{hour} + 3min);
  play(1, "Other - Song", domain::Timestamp{hour} + 4min);
  play(1, "Sigur Rós - Hoppípolla", domain::Timestamp{hour} + 1h);
  play(3, "Sigur Rós - Sæglópur", domain::Timestamp{hour} - days{400});
  const auto artist = "/artists/" + std::to_string(list("/artists?q=sigur")[0].at("id").as_int64());

  const auto stats = object(artist + "/stats?tz=" + encode("Asia/Kathmandu")).as_object();
  EXPECT_EQ(stats.at("tz").as_string(), "Asia/Kathmandu");
  const auto local = sys_days{} + (hour + 5h + 45min).time_since_epoch();
  const auto day = floor<days>(local);
  const auto weekday_index = weekday{day}.iso_encoding() - 1;
  const auto local_hour = duration_cast<hours>(local - day).count();
  const auto& rows = stats.at("by_weekday_hour").as_array();
  ASSERT_EQ(rows.size(), 7u);
  std::int64_t total = 0;
  for (const auto& row : rows)
    for (const auto& plays : row.as_array()) total += plays.as_int64();
  EXPECT_EQ(total, 3);
  EXPECT_EQ(rows[weekday_index].as_array()[local_hour].as_int64(), 2);
  EXPECT_EQ(object(artist + "/stats?days=3650").at("by_day").as_array().size(), 2u);
  // Known, with no plays in the range: an empty answer, not a 404.
  const auto quiet = object(artist + "/stats?days=1").as_object();
  EXPECT_TRUE(quiet.at("by_day").as_array().empty());
  EXPECT_EQ(quiet.at("by_weekday_hour").as_array().size(), 7u);
  EXPECT_EQ(
      error(artist + "/stats?tz=Mars/Olympus", 422),
      R"({"detail":{"query":{"tz":["Unknown time zone: an IANA name such as Europe/Berlin."]}}})");
  EXPECT_EQ(
      error(artist + "/stats?days=3651", 422),
      R"({"detail":{"query":{"days":["Must be greater than or equal to 1 and less than or equal to 3650."]}}})");
  EXPECT_EQ(error(artist + "/stats?x=1", 422), R"({"detail":{"query":{"x":["Unknown field."]}}})");
  EXPECT_EQ(error("/artists/999999/stats", 404), R"({"detail":"Artist not found."})");
  EXPECT_EQ(error("/artists/0/stats", 422),
            R"({"detail":{"path":{"artist_id":["Must be greater than or equal to 1."]}}})");
}

TEST_P(CatalogApiTest, ArtistsGroupSpellingsAndNameTheCommonestOne) {
  seed_catalog();
  const auto artists = list("/artists");
  ASSERT_EQ(artists.size(), 2u);
  const auto& sigur = artists[0].as_object();
  EXPECT_EQ(sigur.at("name").as_string(), "Sigur Rós");
  EXPECT_EQ(sigur.at("songs").as_int64(), 2);
  EXPECT_EQ(sigur.at("plays").as_int64(), 4);
  EXPECT_EQ(sigur.size(), 5u);
  EXPECT_EQ(titles_of(list("/artists?q=bjo"), "name"), std::vector<std::string>{"Björk"});
  EXPECT_EQ(list("/artists?offset=1&limit=1")[0], artists[1]);

  const auto id = sigur.at("id").as_int64();
  const auto detail = object("/artists/" + std::to_string(id)).as_object();
  EXPECT_EQ(detail.at("id").as_int64(), id);
  EXPECT_EQ(detail.at("name").as_string(), "Sigur Rós");
  EXPECT_EQ(detail.at("plays").as_int64(), 4);
  EXPECT_EQ(detail.at("last_played_at"), sigur.at("last_played_at"));
  const auto& songs = detail.at("songs").as_array();
  ASSERT_EQ(songs.size(), 2u);
  EXPECT_EQ(songs[0].at("title").as_string(), "Sigur Rós - Hoppípolla");
  EXPECT_EQ(songs[0].at("track").as_string(), "Hoppípolla");
  EXPECT_EQ(songs[0].at("plays").as_int64(), 3);
  EXPECT_EQ(songs[1].at("plays").as_int64(), 1);
  EXPECT_EQ(songs[0].as_object().size(), 5u);
  EXPECT_EQ(error("/artists/999999", 404), R"({"detail":"Artist not found."})");
  EXPECT_EQ(error("/artists/0", 422),
            R"({"detail":{"path":{"artist_id":["Must be greater than or equal to 1."]}}})");
}

// Björk plays only on channel 1: once it is removed with its history, her song and she remain,
// with no plays and no time of play rather than the epoch.
TEST_P(CatalogApiTest, SongsAndArtistsWhoseAiringsWereAllRemovedHaveNoTimeOfPlay) {
  seed_catalog();
  const auto song_id = list("/songs?q=hyperballad")[0].at("id").as_int64();
  const auto artist_id = list("/artists?q=bjork")[0].at("id").as_int64();
  ASSERT_TRUE(store().remove_channel(1));

  const auto song = object("/songs/" + std::to_string(song_id)).as_object();
  EXPECT_EQ(song.at("plays").as_int64(), 0);
  EXPECT_TRUE(song.at("first_played_at").is_null());
  EXPECT_TRUE(song.at("last_played_at").is_null());
  EXPECT_TRUE(song.at("channels").as_array().empty());
  const auto artist = object("/artists/" + std::to_string(artist_id)).as_object();
  EXPECT_EQ(artist.at("plays").as_int64(), 0);
  EXPECT_TRUE(artist.at("last_played_at").is_null());
  for (const auto& listed : artist.at("songs").as_array())
    EXPECT_TRUE(listed.at("last_played_at").is_null()) << listed;
  const auto still_played = list("/songs?q=hoppipolla");
  ASSERT_EQ(still_played.size(), 1u);
  EXPECT_EQ(still_played[0].at("plays").as_int64(), 2);
  EXPECT_TRUE(still_played[0].at("first_played_at").is_string());
}

TEST_P(CatalogApiTest, ChartsRankAWindowAgainstTheOneBefore) {
  // Previous week: B 3, A 2, C 1. This week: A 3, B 2, D 1.
  const char* previous[] = {"B - b", "A - a", "B - b", "A - a", "B - b", "C - c"};
  const char* current[] = {"A - a", "B - b", "A - a", "B - b", "A - a", "D - d"};
  auto when = at("2026-10-26T10:00:00Z");
  for (const auto* title : previous) play(1, title, when += 1h);
  when = at("2026-11-02T10:00:00Z");
  for (const auto* title : current) play(1, title, when += 1h);
  const auto window = std::string("from=2026-11-01T00:00:00Z&to=2026-11-08T00:00:00Z");

  const auto chart = list("/charts?" + window);
  ASSERT_EQ(chart.size(), 3u);
  EXPECT_EQ(json::serialize(chart[0]), R"({"rank":1,"plays":3,"previous_rank":2,"song":{"id":)" +
                                           std::to_string(chart[0].at("song").at("id").as_int64()) +
                                           R"(,"title":"A - a"}})");
  EXPECT_EQ(chart[1].at("song").at("title").as_string(), "B - b");
  EXPECT_EQ(chart[1].at("previous_rank").as_int64(), 1);
  EXPECT_EQ(chart[2].at("song").at("title").as_string(), "D - d");
  EXPECT_TRUE(chart[2].at("previous_rank").is_null());
  EXPECT_EQ(list("/charts?limit=1&" + window).size(), 1u);
  EXPECT_TRUE(list("/charts?channel_id=2&" + window).empty());
  EXPECT_EQ(list("/charts?channel_id=1&" + window), chart);

  const auto artists = list("/charts?by=artist&" + window);
  ASSERT_EQ(artists.size(), 3u);
  EXPECT_EQ(artists[0].at("artist").at("name").as_string(), "A");
  EXPECT_FALSE(artists[0].as_object().contains("song"));
  EXPECT_EQ(artists[0].at("plays").as_int64(), 3);

  EXPECT_TRUE(list("/charts").empty()) << "the last 7 days hold nothing";
  EXPECT_EQ(error("/charts?by=album", 422),
            R"({"detail":{"query":{"by":["Must be one of: song, artist."]}}})");
  EXPECT_EQ(
      error("/charts?limit=101", 422),
      R"({"detail":{"query":{"limit":["Must be greater than or equal to 1 and less than or equal to 100."]}}})");
  EXPECT_EQ(error("/charts?from=2026-11-08T00:00:00Z&to=2026-11-01T00:00:00Z", 422),
            R"({"detail":{"query":{"to":["Must be later than from."]}}})");
  EXPECT_EQ(error("/charts?from=2016-01-01T00:00:00Z&to=2026-12-01T00:00:00Z", 422),
            R"({"detail":{"query":{"from":["A chart spans at most 3660 days."]}}})");
  EXPECT_EQ(error("/charts?from=2100-01-01T00:00:00Z", 422),
            R"({"detail":{"query":{"from":["Must be earlier than now (the default of to)."]}}})");
  EXPECT_EQ(error("/charts?week=1", 422), R"({"detail":{"query":{"week":["Unknown field."]}}})");
}

TEST_P(CatalogApiTest, EqualPlaysRankTheMostRecentlyPlayedFirst) {
  auto when = at("2026-11-02T10:00:00Z");
  for (const auto* title : {"A - a", "B - b", "C - c"}) play(1, title, when += 1h);
  const auto chart = list("/charts?from=2026-11-01T00:00:00Z&to=2026-11-08T00:00:00Z");
  std::vector<std::string> order;
  for (const auto& entry : chart) order.emplace_back(entry.at("song").at("title").as_string());
  EXPECT_EQ(order, (std::vector<std::string>{"C - c", "B - b", "A - a"}));
}

TEST_P(CatalogApiTest, DefaultChartIsTheLastSevenDays) {
  const auto now = domain::now();
  play(1, "Old - Song", now - std::chrono::days{8});
  play(1, "New - Song", now - 1h);
  const auto chart = list("/charts");
  ASSERT_EQ(chart.size(), 1u);
  EXPECT_EQ(chart[0].at("song").at("title").as_string(), "New - Song");
  EXPECT_EQ(chart[0].at("rank").as_int64(), 1);
}

INSTANTIATE_TEST_SUITE_P(Engines, CatalogApiTest, both_engines(), engine_name);

}  // namespace
}  // namespace nicecream::testing
