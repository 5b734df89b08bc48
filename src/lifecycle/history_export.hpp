#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>

#include "domain/pages.hpp"
#include "store/store.hpp"

namespace nicecream::lifecycle {

// The one writer of history records, shared by `nicecream export` and GET /history/export.
enum class ExportFormat { csv, ndjson };
std::optional<ExportFormat> parse_export_format(std::string_view name);

// Every record carries these fields, in this order (the CSV header, the NDJSON keys).
inline constexpr std::string_view kExportHeader =
    "id,created_at,channel_id,channel_name,song_id,song_title,artist,track";

using ChannelNames = std::map<domain::Id, std::string>;
ChannelNames channel_names(store::Store& store);

// What precedes the records: the CSV header line; nothing for NDJSON.
std::string export_preamble(ExportFormat format);
// One record, ending in CRLF (CSV, RFC 4180) or LF (NDJSON: one JSON object a line). A channel
// missing from `names` (removed while the export ran) has an empty name.
void append_record(std::string& out, const domain::HistoryItem& item, const ChannelNames& names,
                   ExportFormat format);

// Walks the history that `filters` select (/history's filters; before, offset and limit are
// ignored), newest first, in keyset pages of the store's own page query. Each call of
// next_batch() is a few short store calls and nothing is held between them, so an export of
// any length holds no transaction and no connection, recording goes on, and memory stays flat.
class HistoryBatches {
 public:
  HistoryBatches(domain::HistoryQuery filters, ExportFormat format, ChannelNames names);
  // The records of up to `max_items` more items; empty once everything is written.
  std::string next_batch(store::Store& store, int max_items = 1000);
  bool done() const { return done_; }
  std::int64_t written() const { return written_; }

 private:
  domain::HistoryQuery page_;
  ExportFormat format_;
  ChannelNames names_;
  std::int64_t written_ = 0;
  bool done_ = false;
};

// `nicecream export`: the preamble and every selected record to `out`; returns the item count.
std::int64_t export_history(store::Store& store, const domain::HistoryQuery& filters,
                            ExportFormat format, std::ostream& out);

}  // namespace nicecream::lifecycle
