#pragma once

#include <gtest/gtest.h>

#include <map>
#include <memory>
#include <string>

#include "server/http_client.hpp"
#include "server/server_process.hpp"
#include "store/sqlite/sqlite_store.hpp"

namespace nicecream::testing {

// A running `nicecream serve` on its own data directory, plus direct access to its store for
// seeding history the way the crawler would.
class ServerTest : public ::testing::Test {
 protected:
  void start(std::map<std::string, std::string> env = {}) {
    server = ServerProcess::start_server(std::move(env));
    client = std::make_unique<HttpClient>(server->port());
  }
  store::Store& store() {
    if (!store_) store_ = store::sqlite::open_sqlite_store(server->data_dir() / "data");
    return *store_;
  }
  // Records `count` titles round-robin over the three seeded channels; returns the last item id.
  domain::Id seed_history(int count) {
    domain::Id last = 0;
    for (int i = 0; i < count; ++i) {
      const auto channel = 1 + i % 3;
      auto outcome =
          store().record_title(channel, "Artist " + std::to_string(i) + " - Song", domain::now());
      last = outcome.inserted->id;
    }
    return last;
  }

  std::unique_ptr<ServerProcess> server;
  std::unique_ptr<HttpClient> client;
  std::unique_ptr<store::Store> store_;
};

}  // namespace nicecream::testing
