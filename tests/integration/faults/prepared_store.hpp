#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "domain/models.hpp"

namespace nicecream::testing {

// A channel that reads a voscast display.js answer at `url`.
inline domain::NewChannel voscast_channel(const std::string& name, const std::string& url) {
  return {name, url, "voscast", ""};
}

using ChannelIds = std::map<std::string, domain::Id>;  // by channel name

// Migrates the database and leaves exactly `channels` in it, before any crawler runs: the seeded
// ones point at a public host, which no test may reach, so they go first. Throws when a channel
// that is not on loopback is left. Returns the channels' ids.
ChannelIds prepare_sqlite(const std::filesystem::path& data_dir,
                          const std::vector<domain::NewChannel>& channels);
ChannelIds prepare_postgres(const std::string& conninfo,
                            const std::vector<domain::NewChannel>& channels);

}  // namespace nicecream::testing
