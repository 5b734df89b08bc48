#include "prepared_store.hpp"

#include <stdexcept>

#include "store/postgres/postgres_store.hpp"
#include "store/sqlite/sqlite_store.hpp"

namespace nicecream::testing {

namespace {

constexpr std::string_view kLoopback = "http://127.0.0.1:";

ChannelIds use_only(store::Store& store, const std::vector<domain::NewChannel>& channels) {
  store.migrate();
  for (const auto& seeded : store.list_channels()) store.remove_channel(seeded.id);
  ChannelIds ids;
  for (const auto& channel : channels) ids[channel.name] = store.add_channel(channel).id;
  for (const auto& channel : store.list_channels())
    if (!channel.url.starts_with(kLoopback))
      throw std::runtime_error("channel " + channel.name + " is not on loopback: " + channel.url);
  return ids;
}

}  // namespace

ChannelIds prepare_sqlite(const std::filesystem::path& data_dir,
                          const std::vector<domain::NewChannel>& channels) {
  auto store = store::sqlite::open_sqlite_store(data_dir, 1);
  return use_only(*store, channels);
}

ChannelIds prepare_postgres(const std::string& conninfo,
                            const std::vector<domain::NewChannel>& channels) {
  auto store = store::postgres::open_postgres_store(conninfo, 1);
  return use_only(*store, channels);
}

}  // namespace nicecream::testing
