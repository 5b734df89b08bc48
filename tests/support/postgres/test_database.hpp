#pragma once

#include <string>

namespace nicecream::support::postgres {

// The server that tests/support/postgres/start.sh printed, from NICECREAM_TEST_PG. Throws, saying
// how to start one, when the variable is unset: PostgreSQL tests fail rather than skip.
std::string server_conninfo();

// Runs one statement on the database `conninfo` names; throws with the server's message.
void exec_sql(const std::string& conninfo, const std::string& sql);

// A database of its own for one test, created on that server and dropped (connections and all)
// when the object goes.
class TestDatabase {
 public:
  TestDatabase();
  TestDatabase(const TestDatabase&) = delete;
  TestDatabase& operator=(const TestDatabase&) = delete;
  ~TestDatabase();

  const std::string& name() const { return name_; }
  // A connection string for this database.
  const std::string& conninfo() const { return conninfo_; }
  // Runs one statement on this database.
  void exec(const std::string& sql) const;
  // Runs one statement on the server's own database (not this one), e.g. to terminate backends.
  void admin_exec(const std::string& sql) const;

 private:
  std::string name_;
  std::string conninfo_;
};

}  // namespace nicecream::support::postgres
