#pragma once

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <string>
#include <vector>

#include "domain/models.hpp"
#include "domain/validation.hpp"

namespace nicecream::api {

// The contract's JSON for each resource; the one place field names are spelled.
boost::json::object to_json(const domain::Channel& channel);
boost::json::object to_json(const domain::HistoryItem& item);
boost::json::object to_json(const domain::User& user);
boost::json::object to_json(const domain::Bookmark& bookmark);
boost::json::object to_json(const domain::ValidationErrors& errors);

template <class Item>
boost::json::array to_json(const std::vector<Item>& items) {
  boost::json::array array;
  array.reserve(items.size());
  for (const auto& item : items) array.emplace_back(to_json(item));
  return array;
}

}  // namespace nicecream::api
