#pragma once

#include <string>
#include <string_view>

#include "domain/pages.hpp"

namespace nicecream::api {

// "nicecream-history[-channel-N][-song-N][-<search words>][-from-T][-to-T].<extension>": what the
// download holds, in ASCII letters, digits and dashes only, so it is safe in any file system and
// needs no quoting inside Content-Disposition's quoted filename.
std::string export_file_name(const domain::HistoryQuery& filters, std::string_view extension);

}  // namespace nicecream::api
