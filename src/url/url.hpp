#pragma once

#include <boost/url/url_view.hpp>
#include <optional>
#include <string_view>

namespace nicecream::url {

// Boost.URL parsing that cannot trip Boost 1.81's assertion on a scheme followed by an empty path
// and more text ("x:?", "x:#", "x:{"): such text is refused before Boost sees it. Every URL that
// comes from configuration or another server is parsed through these.
std::optional<boost::urls::url_view> parse_absolute_url(std::string_view text);
std::optional<boost::urls::url_view> parse_url_reference(std::string_view text);

}  // namespace nicecream::url
