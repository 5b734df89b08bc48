#pragma once

#include <optional>
#include <string>

#include "config/config.hpp"
#include "domain/station_list.hpp"

namespace nicecream::cli {

// `channels import FILE`: adds the stations of an M3U, PLS or CSV list, skipping those whose URL
// is a channel already and reporting every line it could not use; `format` overrides the file's
// extension.
int import_channels(const config::Config& config, const std::string& file,
                    std::optional<domain::StationListFormat> format);
// `channels export`: every channel as CSV (name,url,format,title_pointer), which import reads.
int export_channels(const config::Config& config, const std::string& output);

}  // namespace nicecream::cli
