#pragma once

#include <algorithm>
#include <cstdint>

#include "domain/catalog.hpp"

// What the song, artist and chart queries share: paging and quarter-hour slots.
namespace nicecream::store::sqlite {

struct CatalogPage {
  std::int64_t limit = 0;
  std::int64_t offset = 0;
};

inline CatalogPage catalog_page(const domain::CatalogQuery& query) {
  return {std::clamp(query.limit, 0, domain::kMaxPageSize),
          std::max<std::int64_t>(query.offset, 0)};
}

}  // namespace nicecream::store::sqlite
