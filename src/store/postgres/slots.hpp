#pragma once

#include <chrono>
#include <cstdint>

#include "domain/catalog.hpp"
#include "domain/models.hpp"

namespace nicecream::store::postgres {

// Quarter-hour slots as the rollups number them: slot k covers [k * 900 s, (k + 1) * 900 s) of
// Unix time (nicecream_slot in migration 0002). A range [from, to) holds the slots that start in
// it: from first_slot_from(from) up to, not including, first_slot_from(to).
inline std::int64_t first_slot_from(domain::Timestamp at) {
  constexpr std::int64_t slot_micros = domain::kSlotSeconds * 1'000'000;
  const std::int64_t micros =
      std::chrono::duration_cast<std::chrono::microseconds>(at.time_since_epoch()).count();
  // Division rounds toward zero, which is up for negative times and down for positive ones.
  return micros / slot_micros + (micros % slot_micros > 0 ? 1 : 0);
}

inline domain::Timestamp slot_start(std::int64_t slot) {
  return domain::Timestamp{std::chrono::seconds{slot * domain::kSlotSeconds}};
}

}  // namespace nicecream::store::postgres
