#include "api/common/header_list.hpp"

namespace nicecream::api {

namespace {
std::string_view trimmed(std::string_view text) {
  const auto first = text.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  return text.substr(first, text.find_last_not_of(" \t") - first + 1);
}
}  // namespace

std::vector<std::string_view> header_list_items(std::string_view value, char separator) {
  std::vector<std::string_view> items;
  while (!value.empty()) {
    const auto end = value.find(separator);
    if (const auto item = trimmed(value.substr(0, end)); !item.empty()) items.push_back(item);
    if (end == std::string_view::npos) break;
    value.remove_prefix(end + 1);
  }
  return items;
}

}  // namespace nicecream::api
