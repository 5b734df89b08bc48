#include "api/common/header_list.hpp"

#include "domain/text.hpp"

namespace nicecream::api {

std::vector<std::string_view> header_list_items(std::string_view value, char separator) {
  std::vector<std::string_view> items;
  while (!value.empty()) {
    const auto end = value.find(separator);
    if (const auto item = domain::trim(value.substr(0, end), domain::kBlanks); !item.empty())
      items.push_back(item);
    if (end == std::string_view::npos) break;
    value.remove_prefix(end + 1);
  }
  return items;
}

}  // namespace nicecream::api
