#pragma once

#include <memory>
#include <ostream>
#include <string>

#include "store/store.hpp"

namespace nicecream::store::test {

enum class Engine { sqlite, postgres };

std::string engine_name(Engine engine);
// How GoogleTest shows the parameter.
inline void PrintTo(Engine engine, std::ostream* out) {
  *out << engine_name(engine);
}

// One empty database for one test: a temporary folder for SQLite, a fresh database on the test
// server for PostgreSQL. Both are removed when the harness goes.
class EngineHarness {
 public:
  virtual ~EngineHarness() = default;
  // A store on that database, as another process would open it; not migrated.
  virtual std::unique_ptr<Store> open() = 0;
  // Runs SQL on the database behind the store's back, as an operator or another version would.
  virtual void run_sql(const std::string& sql) = 0;
};

std::unique_ptr<EngineHarness> make_harness(Engine engine);

}  // namespace nicecream::store::test
