#pragma once

#include "domain/pages.hpp"

namespace nicecream::store::test {

using domain::Id;

// Builds page queries by name: Page().channel(2).before(10).limit(5).
class Page {
 public:
  Page& channel(Id id) { return query_.channel_id = id, *this; }
  Page& before(Id id) { return query_.before = id, *this; }
  Page& offset(std::int64_t offset) { return query_.offset = offset, *this; }
  Page& limit(int limit) { return query_.limit = limit, *this; }
  Page& viewer(Id user_id) { return query_.viewer_user_id = user_id, *this; }
  operator domain::HistoryQuery() const { return query_; }

 private:
  domain::HistoryQuery query_;
};

class BookmarkPage {
 public:
  explicit BookmarkPage(Id user_id) { query_.user_id = user_id; }
  BookmarkPage& before(Id id) { return query_.before = id, *this; }
  BookmarkPage& offset(std::int64_t offset) { return query_.offset = offset, *this; }
  BookmarkPage& limit(int limit) { return query_.limit = limit, *this; }
  operator domain::BookmarkQuery() const { return query_; }

 private:
  domain::BookmarkQuery query_;
};

}  // namespace nicecream::store::test
