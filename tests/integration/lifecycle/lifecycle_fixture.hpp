#pragma once

#include <map>
#include <memory>
#include <string>

#include "integration/api/server_fixture.hpp"

namespace nicecream::testing {

// A store of the test's own (SQLite in a scratch data directory, or a PostgreSQL database), filled
// directly before `nicecream` runs on it.
class LifecycleTest : public OnEachEngine<CommandTest> {
 protected:
  void SetUp() override {
    settings = ready_env();
    store_ = engine_ == Engine::postgres
                 ? store::postgres::open_postgres_store(database_->conninfo(), 2)
                 : store::sqlite::open_sqlite_store(settings.at("NICECREAM_DATA_DIR"), 2);
    store_->migrate();
  }

  store::Store& store() { return *store_; }
  // Records `title` on `channel` `days_ago` days back; returns its song id.
  domain::Id record(domain::Id channel, const std::string& title, int days_ago) {
    const auto at = domain::now() - std::chrono::days{days_ago};
    return store().record_title(channel, title, at).inserted->song_id;
  }

  std::map<std::string, std::string> settings;

 private:
  std::unique_ptr<store::Store> store_;
};

}  // namespace nicecream::testing
