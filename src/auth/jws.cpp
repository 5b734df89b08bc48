#include "auth/jws.hpp"

#include <boost/json/parse.hpp>

#include "auth/base64.hpp"

namespace nicecream::auth {
namespace {

std::optional<boost::json::object> decode_json_object(std::string_view part) {
  const auto text = decode_base64url(part);
  if (!text) {
    return std::nullopt;
  }
  boost::system::error_code error;
  auto value = boost::json::parse(*text, error);
  if (error || !value.is_object()) {
    return std::nullopt;
  }
  return std::move(value.get_object());
}

}  // namespace

std::optional<CompactJws> parse_compact_jws(std::string_view token) {
  if (token.size() > kMaxJwsBytes || token.find('=') != std::string_view::npos) {
    return std::nullopt;
  }
  const auto first_dot = token.find('.');
  const auto second_dot =
      first_dot == std::string_view::npos ? first_dot : token.find('.', first_dot + 1);
  if (second_dot == std::string_view::npos ||
      token.find('.', second_dot + 1) != std::string_view::npos) {
    return std::nullopt;
  }
  auto header = decode_json_object(token.substr(0, first_dot));
  auto payload = decode_json_object(token.substr(first_dot + 1, second_dot - first_dot - 1));
  auto signature = decode_base64url(token.substr(second_dot + 1));
  if (!header || !payload || !signature) {
    return std::nullopt;
  }
  return CompactJws{.header = std::move(*header),
                    .payload = std::move(*payload),
                    .signing_input = std::string(token.substr(0, second_dot)),
                    .signature = std::move(*signature)};
}

}  // namespace nicecream::auth
