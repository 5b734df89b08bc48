#pragma once

#include <string>
#include <string_view>

namespace nicecream::lifecycle {

// One field of an RFC 4180 record: quoted when it holds a comma, a quote or a line break, quotes
// doubled. A leading =, +, - or @ is kept as is: these files are data, not spreadsheets to run.
std::string csv_field(std::string_view text);

}  // namespace nicecream::lifecycle
