#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <string>
#include <string_view>

#include "domain/models.hpp"
#include "store/sqlite/sorted_ids.hpp"

namespace nicecream::store::sqlite {

// A prepared statement borrowed from a connection's cache (or owned, when the cached one is busy).
// Ending the borrow resets it for the next caller. Timestamps are bound and read as microseconds.
class Statement {
 public:
  Statement(sqlite3_stmt* statement, bool owned) : statement_(statement), owned_(owned) {}
  Statement(Statement&& other) noexcept;
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  Statement& operator=(Statement&&) = delete;
  ~Statement();

  Statement& bind(int index, std::int64_t value);
  Statement& bind(int index, std::string_view text);
  Statement& bind(int index, domain::Timestamp at);
  // By pointer: `ids` must outlive the statement's use (ending the borrow unbinds it).
  Statement& bind(int index, const SortedIds& ids);
  // For statements assembled from optional parts: `name` such as ":before".
  template <class Value>
  Statement& bind_named(const char* name, const Value& value) {
    return bind(parameter_index(name), value);
  }
  // Binds ?1, ?2, ... in order.
  template <class... Values>
  Statement& bind_all(const Values&... values) {
    [[maybe_unused]] int index = 0;
    (bind(++index, values), ...);
    return *this;
  }

  // True while a row is ready; false when done.
  bool step();

  std::int64_t int64(int column) const;
  std::string text(int column) const;
  domain::Timestamp timestamp(int column) const;

 private:
  int parameter_index(const char* name) const;
  void check(int code) const;

  sqlite3_stmt* statement_;
  bool owned_;
};

}  // namespace nicecream::store::sqlite
