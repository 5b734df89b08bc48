#pragma once

#include <string_view>

namespace nicecream::crawler {

// The short, fixed reasons a channel's status and outages give (issue 14); the log keeps the
// detail. Fetch errors already are short (transfer.cpp names curl's results: "timeout",
// "connection refused", "could not resolve host", "HTTP 503", the private-address refusal...).
inline constexpr std::string_view kNoTitleReason = "no title in the answer";

}  // namespace nicecream::crawler
