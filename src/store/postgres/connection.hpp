#pragma once

#include <libpq-fe.h>

#include <memory>
#include <string>
#include <vector>

#include "store/postgres/params.hpp"
#include "store/postgres/result.hpp"

namespace nicecream::store::postgres {

// One libpq connection, used by one thread at a time (the pool sees to that).
class Connection {
 public:
  // Unavailable, with libpq's reason (never the password), when the server cannot be reached.
  static std::unique_ptr<Connection> open(const std::string& conninfo);
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;
  ~Connection();

  // One statement with text parameters ($1, $2, ...).
  Result exec(const std::string& sql, const std::vector<std::string>& params = {});
  template <class... Values>
  Result query(const std::string& sql, const Values&... values) {
    return exec(sql, {to_param(values)...});
  }
  // Several statements without parameters, such as a migration file.
  void exec_script(const std::string& sql);

  // Reconnects with the same settings after the server went away; Unavailable when it is still
  // unreachable.
  void reset();
  bool broken() const;

 private:
  explicit Connection(PGconn* connection) : connection_(connection) {}
  Result check(PGresult* result);

  PGconn* connection_;
};

}  // namespace nicecream::store::postgres
