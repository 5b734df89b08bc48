// Taking over the Python original's database (issue 17, point 1): plain `migrate` refuses it,
// `--dry-run` reports and changes nothing, the conversion keeps every id the original's clients
// hold (checked through the running binary), a second run is a no-op and a run killed half-way
// leaves the original exactly as it was.
#include <gmock/gmock.h>
#include <signal.h>

#include <boost/json.hpp>

#include "auth/fernet.hpp"
#include "auth/session_codec.hpp"
#include "domain/timestamp.hpp"
#include "integration/takeover/takeover_fixture.hpp"
#include "support/server/eventually.hpp"
#include "support/server/http_client.hpp"

namespace nicecream::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

// One history item or bookmark as "id song_id 'song_title'" (plus the channel for items).
std::vector<std::string> summarize(const boost::json::value& list) {
  std::vector<std::string> lines;
  for (const auto& entry : list.as_array()) {
    const auto& object = entry.as_object();
    if (!object.contains("song_id")) continue;  // a gap in a channel's history, not an airing
    std::string line = std::to_string(object.at("id").as_int64()) + " " +
                       std::to_string(object.at("song_id").as_int64()) + " '" +
                       std::string(object.at("song_title").as_string()) + "'";
    if (object.contains("channel_id"))
      line += " ch" + std::to_string(object.at("channel_id").as_int64());
    line += " " + std::string(object.at("created_at").as_string()).substr(0, 19);
    lines.push_back(line);
  }
  return lines;
}

// original_at_head.sql's airings once converted: every id, channel, title and time kept; the
// duplicates' songs are now 1 and 2.
const std::vector<std::string> kConvertedHistory{
    "7 3 'Air - La femme d'argent' ch1 2021-03-01T10:20:00",
    "6 2 'Intro' ch2 2021-03-01T10:15:00",
    "5 2 'Intro' ch3 2021-03-01T10:12:00",
    "4 1 'Daft Punk - One More Time' ch1 2021-03-01T10:09:00",
    "3 3 'Air - La femme d'argent' ch2 2021-03-01T10:05:00",
    "2 2 'Intro' ch1 2021-03-01T10:04:00",
    "1 1 'Daft Punk - One More Time' ch1 2021-03-01T10:00:00",
};

class TakeoverTest : public OriginalDatabaseTest {
 protected:
  // A session for `user_id` sealed under the server's key, as our sign-in would write it.
  std::string session_cookie(domain::Id user_id) const {
    const auth::SessionCodec codec(auth::parse_fernet_key(session_key), std::chrono::hours{1});
    auth::Session session;
    session.user_id = user_id;
    session.csrf_token = "csrf";
    session.issued_at = domain::now();
    return "nicecream_history_session=" + codec.seal(session, domain::now());
  }

  std::unique_ptr<ServerProcess> serve() const {
    auto env = store_environment();
    env["API_SESSION_COOKIE_SECRET_KEY"] = session_key;
    env["API_SESSION_COOKIE_SECURE"] = "false";
    env["API_CSRF_COOKIE_SECURE"] = "false";
    return ServerProcess::start_server(env);
  }

  const std::string session_key = auth::generate_fernet_key();
};

TEST_F(TakeoverTest, PlainMigrateRefusesTheOriginalNamingFromOriginalAndChangesNothing) {
  const auto before = digest();
  const auto refused = nicecream({"migrate"});
  EXPECT_NE(refused.exit_code, 0);
  EXPECT_THAT(refused.output, HasSubstr("--from-original"));
  EXPECT_THAT(refused.output, HasSubstr("1f74339f95ba"));
  EXPECT_EQ(std::count(refused.output.begin(), refused.output.end(), '\n'), 1) << refused.output;
  EXPECT_EQ(digest(), before);

  const auto served = run_nicecream({"serve"}, store_environment());
  EXPECT_NE(served.exit_code, 0) << "serve does not start on the original's schema";
  EXPECT_EQ(digest(), before);
}

TEST_F(TakeoverTest, AnotherAlembicRevisionIsRefusedByName) {
  database->exec("UPDATE alembic_version SET version_num = '0ee140bf938a'");
  const auto before = digest();
  for (const auto& args : {std::vector<std::string>{"migrate"},
                           std::vector<std::string>{"migrate", "--from-original"}}) {
    const auto refused = nicecream(args);
    EXPECT_NE(refused.exit_code, 0) << args.size();
    EXPECT_THAT(refused.output, HasSubstr("'0ee140bf938a'"));
    EXPECT_THAT(refused.output, HasSubstr("alembic upgrade head"));
  }
  EXPECT_EQ(digest(), before);
}

TEST_F(TakeoverTest, ABadTimeZoneIsRefusedClearly) {
  const auto before = digest();
  const auto refused =
      nicecream({"migrate", "--from-original", "--original-timezone", "Mars/Base"});
  EXPECT_EQ(refused.exit_code, 1);
  EXPECT_THAT(refused.output, HasSubstr("no time zone 'Mars/Base'"));
  EXPECT_EQ(digest(), before);
}

TEST_F(TakeoverTest, DryRunPrintsTheMergesAndChangesNothing) {
  const auto before = digest();
  const auto dry = nicecream({"migrate", "--from-original", "--dry-run"});
  ASSERT_EQ(dry.exit_code, 0) << dry.output;
  EXPECT_THAT(dry.output, HasSubstr("found: channels 3, songs 6, history 7, users 3, bookmarks 5"));
  EXPECT_THAT(dry.output, HasSubstr("songs: 2 duplicate titles, 3 ids merged into 2;"
                                    " history repointed: 3; bookmarks repointed: 3"));
  EXPECT_THAT(dry.output, HasSubstr("songs 4 -> 1 (Daft Punk - One More Time)"));
  EXPECT_THAT(dry.output, HasSubstr("songs 5, 6 -> 2 (Intro)"));
  EXPECT_THAT(dry.output, HasSubstr("users: 1 duplicate subjects, 1 ids merged into 1;"
                                    " bookmarks repointed: 1"));
  EXPECT_THAT(dry.output, HasSubstr("bookmarks: 2 duplicates of the same (user, song) collapsed"));
  EXPECT_THAT(dry.output, HasSubstr("users: 1 pictures NULL, set to ''"));
  EXPECT_THAT(dry.output, HasSubstr("dry run: rolled back, nothing changed"));
  EXPECT_EQ(digest(), before);
}

TEST_F(TakeoverTest, TheConvertedDatabaseAnswersTheSameIdsAndTitles) {
  const auto converted = nicecream({"migrate", "--from-original"});
  ASSERT_EQ(converted.exit_code, 0) << converted.output;
  EXPECT_THAT(converted.output, Not(HasSubstr("dry run")));

  const auto server = serve();
  HttpClient client(server->port());
  const auto history = client.get("/history?limit=50");
  ASSERT_EQ(history.status, 200) << history.body;
  // Every airing keeps its id, channel and title; the duplicates' songs are now 1 and 2.
  EXPECT_EQ(summarize(history.json()), kConvertedHistory);

  const auto channels = client.get("/channels");
  ASSERT_EQ(channels.status, 200);
  std::vector<std::string> names;
  const auto channels_json = channels.json();
  for (const auto& channel : channels_json.as_array())
    names.push_back(std::to_string(channel.at("id").as_int64()) + " " +
                    std::string(channel.at("name").as_string()) + " " +
                    std::string(channel.at("format").as_string()));
  EXPECT_EQ(names,
            (std::vector<std::string>{"1 red voscast", "2 green voscast", "3 blue voscast"}));

  const auto ada = client.get("/user", {{"Cookie", session_cookie(1)}});
  ASSERT_EQ(ada.status, 200) << ada.body;
  const auto ada_json = ada.json();
  EXPECT_EQ(ada_json.at("sub").as_string(), "google-oauth2|100001") << "padding trimmed";
  EXPECT_EQ(ada_json.at("given_name").as_string(), "Ada");
  const auto grace = client.get("/user", {{"Cookie", session_cookie(2)}});
  ASSERT_EQ(grace.status, 200) << grace.body;
  const auto grace_json = grace.json();
  EXPECT_EQ(grace_json.at("picture").as_string(), "");
  EXPECT_EQ(client.get("/user", {{"Cookie", session_cookie(3)}}).status, 401)
      << "the duplicate Ada was merged into 1; she signs in again as 1";

  const auto ada_bookmarks = client.get("/user/bookmarks", {{"Cookie", session_cookie(1)}});
  ASSERT_EQ(ada_bookmarks.status, 200) << ada_bookmarks.body;
  EXPECT_EQ(summarize(ada_bookmarks.json()),
            (std::vector<std::string>{"3 3 'Air - La femme d'argent' 2021-03-02T10:00:00",
                                      "1 1 'Daft Punk - One More Time' 2021-03-02T08:00:00"}));
  const auto grace_bookmarks = client.get("/user/bookmarks", {{"Cookie", session_cookie(2)}});
  EXPECT_EQ(summarize(grace_bookmarks.json()),
            (std::vector<std::string>{"4 2 'Intro' 2021-03-02T11:00:00"}));

  // The split the recorder makes, and ids that continue after the original's (song 7 was
  // handed out and deleted there).
  SqlSession sql(database->conninfo());
  EXPECT_EQ(sql.value("SELECT artist || '/' || track FROM songs WHERE id = 1"),
            "Daft Punk/One More Time");
  EXPECT_EQ(sql.value("SELECT artist || '/' || track FROM songs WHERE id = 2"), "/Intro");
  EXPECT_EQ(sql.value("SELECT version_num FROM alembic_version"), "1f74339f95ba");
}

TEST_F(TakeoverTest, TheConvertedSchemaIsOursBesideTheKeptAlembicVersion) {
  ASSERT_EQ(nicecream({"migrate", "--from-original"}).exit_code, 0);
  const support::postgres::TestDatabase fresh;
  const auto migrated = run_nicecream({"migrate"}, {{"DATABASE_URL", fresh.conninfo()}});
  ASSERT_EQ(migrated.exit_code, 0) << migrated.output;
  EXPECT_EQ(digest().at("schema"), database_digest(fresh.conninfo()).at("schema"));
  SqlSession sql(database->conninfo());
  EXPECT_EQ(sql.value("SELECT string_agg(sequencename || ' ' || last_value, ', '"
                      " ORDER BY sequencename) FROM pg_sequences WHERE sequencename IN"
                      " ('bookmarks_id_seq', 'channels_id_seq', 'history_id_seq',"
                      " 'songs_id_seq', 'users_id_seq')"),
            "bookmarks_id_seq 5, channels_id_seq 3, history_id_seq 7, songs_id_seq 7, "
            "users_id_seq 3")
      << "each continues after the highest id the original handed out (song 7 was deleted)";
}

TEST_F(TakeoverTest, ASecondConversionChangesNothingAndSaysSo) {
  ASSERT_EQ(nicecream({"migrate", "--from-original"}).exit_code, 0);
  const auto after_first = digest();
  const auto second = nicecream({"migrate", "--from-original"});
  EXPECT_EQ(second.exit_code, 0) << second.output;
  EXPECT_THAT(second.output, HasSubstr("converted from the original already: nothing to do"));
  EXPECT_EQ(digest(), after_first);
  const auto plain = nicecream({"migrate"});
  EXPECT_EQ(plain.exit_code, 0) << plain.output;
  EXPECT_THAT(plain.output, HasSubstr("applied 0 migration(s)"));
  EXPECT_EQ(digest(), after_first);
}

// The conversion is made to stop half-way deterministically: the test holds a lock on `users`
// that the user merge needs, after the song merge has rewritten history, bookmarks and songs.
// While it waits there, the process is killed and its backend terminated.
TEST_F(TakeoverTest, AConversionKilledHalfWayLeavesTheOriginalAsItWas) {
  const auto before = digest();
  SqlSession blocker(database->conninfo());
  blocker.rows("BEGIN");
  blocker.rows("LOCK TABLE users IN SHARE MODE");

  ServerProcess conversion({"migrate", "--from-original"}, store_environment());
  SqlSession watcher(database->conninfo());
  const auto waiting_backend = [&] {
    return watcher.value(
        "SELECT pid FROM pg_stat_activity WHERE datname = current_database()"
        " AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()");
  };
  ASSERT_TRUE(eventually([&] { return !waiting_backend().empty(); }))
      << "the conversion never reached the user merge: " << conversion.log();
  const auto pid = waiting_backend();
  EXPECT_EQ(watcher.value("SELECT count(*) FROM pg_locks WHERE pid = " + pid +
                          " AND relation = 'songs'::regclass AND mode = 'RowExclusiveLock'"),
            "1")
      << "the songs were being rewritten when it stopped";

  conversion.signal(SIGKILL);
  EXPECT_EQ(conversion.wait(), 128 + SIGKILL);
  watcher.rows("SELECT pg_terminate_backend(" + pid + ")");
  blocker.rows("ROLLBACK");
  ASSERT_TRUE(eventually([&] {
    return watcher.value("SELECT count(*) FROM pg_stat_activity WHERE pid = " + pid) == "0";
  }));

  EXPECT_EQ(digest(), before);
  const auto refused = nicecream({"migrate"});
  EXPECT_THAT(refused.output, HasSubstr("--from-original")) << "still the original's";
  const auto converted = nicecream({"migrate", "--from-original"});
  EXPECT_EQ(converted.exit_code, 0) << converted.output;
}

// `import --from-postgres` reads the original as converted without changing it, and the SQLite
// store it fills answers the same history, with its rollups and search built.
TEST_F(TakeoverTest, ImportFromPostgresFillsSqliteWithTheSameHistory) {
  const auto before = digest();
  const TempDir data;
  const std::map<std::string, std::string> sqlite_env{
      {"NICECREAM_DATA_DIR", (data.path() / "data").string()}};
  const auto imported =
      run_nicecream({"import", "--from-postgres", database->conninfo()}, sqlite_env);
  ASSERT_EQ(imported.exit_code, 0) << imported.output;
  EXPECT_THAT(imported.output, HasSubstr("history: 7 copied"));
  EXPECT_EQ(digest(), before) << "the original is read, never changed";

  const auto again = run_nicecream({"import", "--from-postgres", database->conninfo()}, sqlite_env);
  EXPECT_NE(again.exit_code, 0);
  EXPECT_THAT(again.output, HasSubstr("already holds history"));

  const auto server = ServerProcess::start_server(sqlite_env);
  HttpClient client(server->port());
  const auto history = client.get("/history?limit=50");
  ASSERT_EQ(history.status, 200) << history.body;
  EXPECT_EQ(summarize(history.json()), kConvertedHistory);
  const auto song = client.get("/songs/2");
  ASSERT_EQ(song.status, 200) << song.body;
  const auto song_json = song.json();
  EXPECT_EQ(song_json.at("plays").as_int64(), 3) << "the rollups count the merged airings";
  EXPECT_EQ(song_json.at("track").as_string(), "Intro");
  const auto found = client.get("/songs?q=daft");
  ASSERT_EQ(found.status, 200) << found.body;
  EXPECT_THAT(found.body, HasSubstr("One More Time")) << "the search index holds the copied songs";
}

}  // namespace
}  // namespace nicecream::testing
