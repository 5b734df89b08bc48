#pragma once

#include <cstdint>
#include <optional>
#include <ostream>
#include <string_view>

#include "store/store.hpp"

namespace nicecream::lifecycle {

enum class ExportFormat { csv, ndjson };
std::optional<ExportFormat> parse_export_format(std::string_view name);

struct ExportRange {
  std::optional<domain::Timestamp> from;  // created_at >= from
  std::optional<domain::Timestamp> to;    // created_at < to
  std::optional<domain::Id> channel_id;
};

// Writes every item in `range`, newest first as /history pages them, one record per line:
// id, created_at, channel_id, channel (its name), song_id, title. CSV starts with that header
// line. Returns how many items it wrote. Reads page by page, so memory stays flat.
std::int64_t export_history(store::Store& store, const ExportRange& range, ExportFormat format,
                            std::ostream& out);

}  // namespace nicecream::lifecycle
