#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "domain/models.hpp"
#include "store/sqlite/statement.hpp"

// The history item rows shared by the page, replay and latest queries (history.cpp) and the
// filtered pages (history_page.cpp).
namespace nicecream::store::sqlite {

// SELECT of an item's columns from `history` (aliased h, possibly with an index hint) joined to
// its song, and with the viewer's bookmark (:viewer) when asked.
std::string select_items(bool with_viewer, std::string_view history = "history AS h");

domain::HistoryItem read_item(const Statement& row);
std::vector<domain::HistoryItem> read_items(Statement& rows);

}  // namespace nicecream::store::sqlite
