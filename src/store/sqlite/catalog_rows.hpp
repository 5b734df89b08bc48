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

inline constexpr std::int64_t kSlotMicros = domain::kSlotSeconds * 1'000'000;

// The first slot that starts at or after `at` (slots are floor(microseconds / kSlotMicros), as
// the migration's triggers number them).
inline std::int64_t slot_from(domain::Timestamp at) {
  const auto micros = at.time_since_epoch().count();
  const auto below = micros / kSlotMicros - (micros % kSlotMicros < 0 ? 1 : 0);
  return micros % kSlotMicros == 0 ? below : below + 1;
}

inline domain::Timestamp slot_start(std::int64_t slot) {
  return domain::Timestamp{std::chrono::microseconds{slot * kSlotMicros}};
}

}  // namespace nicecream::store::sqlite
