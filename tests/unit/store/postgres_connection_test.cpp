#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <limits>

#include "store/errors.hpp"
#include "store/postgres/connection.hpp"
#include "store/postgres/postgres_store.hpp"
#include "support/postgres/test_database.hpp"

namespace nicecream::store::test {

namespace {

// A loopback port nothing listens on: bound by us, then closed.
int unused_loopback_port() {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t length = sizeof address;
  ::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address);
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length);
  ::close(fd);
  return ntohs(address.sin_port);
}

}  // namespace

// What a server restart does to open connections: every backend of the database ends. The next
// call resets its connection and succeeds.
TEST(PostgresConnection, BrokenConnectionsAreResetAndTheCallRetried) {
  support::postgres::TestDatabase database;
  auto store = postgres::open_postgres_store(database.conninfo(), 2);
  store->migrate();
  store->record_title(1, "Before - Restart", domain::now());

  database.admin_exec("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" +
                      database.name() + "'");

  EXPECT_EQ(store->list_channels().size(), 3u);
  const auto after = store->record_title(1, "After - Restart", domain::now());
  EXPECT_TRUE(after.inserted);
  EXPECT_EQ(store->list_history({}).size(), 2u);
}

// Charts read a week's quarter hours as binary integers; each width and sign reads as in text.
TEST(PostgresConnection, BinaryIntegersReadAsTheirTextDoes) {
  support::postgres::TestDatabase database;
  auto connection = postgres::Connection::open(database.conninfo());
  const std::string sql =
      "SELECT -2::smallint, 70000::integer, -5000000000::bigint, 9223372036854775807::bigint,"
      " NULL::bigint, $1::bigint";
  const auto binary = connection->exec_binary(sql, {"-1"});
  const auto text = connection->exec(sql, {"-1"});
  ASSERT_EQ(binary.rows(), 1);
  for (const int column : {0, 1, 2, 3, 5})
    EXPECT_EQ(binary.int64(0, column), text.int64(0, column));
  EXPECT_EQ(binary.int64(0, 0), -2);
  EXPECT_EQ(binary.int64(0, 2), -5000000000);
  EXPECT_EQ(binary.int64(0, 3), std::numeric_limits<std::int64_t>::max());
  EXPECT_TRUE(binary.is_null(0, 4));
  EXPECT_EQ(binary.int64(0, 5), -1);
  EXPECT_THROW(connection->exec_binary("SELECT 'text'", {}).int64(0, 0), std::runtime_error);
}

TEST(PostgresConnection, UnreachableServerIsUnavailable) {
  const auto conninfo =
      "host=127.0.0.1 port=" + std::to_string(unused_loopback_port()) + " connect_timeout=5";
  try {
    postgres::open_postgres_store(conninfo, 1);
    FAIL() << "connected to a port nothing listens on";
  } catch (const Unavailable& error) {
    EXPECT_NE(std::string(error.what()).find("cannot connect to PostgreSQL"), std::string::npos)
        << error.what();
  }
}

TEST(PostgresConnection, PasswordIsNotInTheError) {
  const auto conninfo = "host=127.0.0.1 port=" + std::to_string(unused_loopback_port()) +
                        " password=hunter2secret connect_timeout=5";
  try {
    postgres::open_postgres_store(conninfo, 1);
    FAIL() << "connected to a port nothing listens on";
  } catch (const Unavailable& error) {
    EXPECT_EQ(std::string(error.what()).find("hunter2secret"), std::string::npos);
  }
}

TEST(PostgresConnection, EmptyConninfoReadsTheEnvironment) {
  const auto server = support::postgres::server_conninfo();
  // libpq's PG* variables, from the test server's settings.
  auto setting = [&](const std::string& key) {
    const auto at = server.find(key + "=");
    if (at == std::string::npos) return std::string();
    const auto start = at + key.size() + 1;
    return server.substr(start, server.find(' ', start) - start);
  };
  ::setenv("PGHOST", setting("host").c_str(), 1);
  ::setenv("PGPORT", setting("port").c_str(), 1);
  ::setenv("PGUSER", setting("user").c_str(), 1);
  ::setenv("PGDATABASE", setting("dbname").c_str(), 1);
  auto store = postgres::open_postgres_store("", 1);
  EXPECT_GE(store->schema_version().latest, 1);
}

}  // namespace nicecream::store::test
