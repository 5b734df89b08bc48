#include "support/openapi/json_path.hpp"

#include <algorithm>
#include <boost/json/serialize.hpp>
#include <boost/json/string_view.hpp>
#include <cctype>

namespace nicecream::support::openapi {

namespace {

bool is_identifier(std::string_view name) {
  if (name.empty() || std::isdigit(static_cast<unsigned char>(name.front()))) return false;
  return std::ranges::all_of(
      name, [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; });
}

}  // namespace

std::string json_path_member(const std::string& parent, std::string_view name) {
  if (is_identifier(name)) return parent + "." + std::string(name);
  return parent + "[" + boost::json::serialize(boost::json::string_view(name)) + "]";
}

std::string json_path_index(const std::string& parent, std::size_t index) {
  return parent + "[" + std::to_string(index) + "]";
}

}  // namespace nicecream::support::openapi
