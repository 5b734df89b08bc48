#pragma once

#include <libpq-fe.h>

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "store/postgres/params.hpp"
#include "store/postgres/result.hpp"

namespace nicecream::store::postgres {

// How long a statement may go unanswered before the store gives up on it (Unavailable) and on
// the connection: a server that is stuck (frozen, its disk hung, a partition that drops packets)
// never refuses anything, and without this every request would wait on it forever. Generous for
// any query of ours, deep OFFSET pages included; migrations are exempt (exec_script).
inline constexpr std::chrono::seconds kAnswerTimeout{10};

// One libpq connection, used by one thread at a time (the pool sees to that).
class Connection {
 public:
  // Unavailable, with libpq's reason (never the password), when the server cannot be reached.
  static std::unique_ptr<Connection> open(const std::string& conninfo);
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;
  ~Connection();

  // One statement with text parameters ($1, $2, ...), answered within kAnswerTimeout or
  // Unavailable (and the connection is given up: the next use resets it).
  Result exec(const std::string& sql, const std::vector<std::string>& params = {});
  // The same, its columns answered in binary: for integer columns of many rows, which the server
  // then neither formats nor this side parses (a week's 200,000 quarter hours: 20 ms of parsing).
  Result exec_binary(const std::string& sql, const std::vector<std::string>& params);
  template <class... Values>
  Result query(const std::string& sql, const Values&... values) {
    return exec(sql, {to_param(values)...});
  }
  // Several statements without parameters and without the answer deadline, for work that may
  // rightly take long: a migration file, waiting for another process's migration lock.
  void exec_script(const std::string& sql);

  // Reconnects with the same settings after the server went away; Unavailable when it is still
  // unreachable.
  void reset();
  // Lost, or given up on after an unanswered statement: not to be used before reset().
  bool broken() const;

 private:
  explicit Connection(PGconn* connection) : connection_(connection) {}
  Result send(const std::string& sql, const std::vector<std::string>& params, int result_format);
  Result check(PGresult* result);
  void ensure_usable() const;
  // The sent statement's result (the first error, else the last result), waiting at most until
  // `deadline` when there is one.
  PGresult* await_result(std::optional<std::chrono::steady_clock::time_point> deadline);

  PGconn* connection_;
  bool abandoned_ = false;
};

}  // namespace nicecream::store::postgres
