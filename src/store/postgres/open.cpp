#include "store/postgres/engine.hpp"
#include "store/postgres/postgres_store.hpp"

namespace nicecream::store::postgres {

PostgresStore::PostgresStore(std::string conninfo, std::size_t pool_size)
    : conninfo_(std::move(conninfo)),
      pool_(pool_size, [this] { return Connection::open(conninfo_); }) {
  // Connecting once now reports a wrong address or password at startup, not on the first request.
  auto first = pool_.acquire();
}

std::unique_ptr<Store> open_postgres_store(std::string conninfo, std::size_t pool_size) {
  return std::make_unique<PostgresStore>(std::move(conninfo), pool_size);
}

}  // namespace nicecream::store::postgres
