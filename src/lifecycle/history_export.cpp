#include "lifecycle/history_export.hpp"

#include <boost/json.hpp>
#include <map>

#include "domain/csv.hpp"
#include "domain/pages.hpp"
#include "domain/timestamp.hpp"

namespace nicecream::lifecycle {

namespace {

using ChannelNames = std::map<domain::Id, std::string>;
const std::string kUnknownChannel;  // removed while the export ran

ChannelNames channel_names(store::Store& store) {
  ChannelNames names;
  for (auto& channel : store.list_channels()) names.emplace(channel.id, std::move(channel.name));
  return names;
}

void write_csv(const domain::HistoryItem& item, const std::string& channel, std::ostream& out) {
  out << item.id << ',' << domain::format_timestamp(item.created_at) << ',' << item.channel_id
      << ',' << domain::csv_field(channel) << ',' << item.song_id << ','
      << domain::csv_field(item.song_title) << "\r\n";
}

void write_ndjson(const domain::HistoryItem& item, const std::string& channel, std::ostream& out) {
  out << boost::json::serialize(
             boost::json::object{{"id", item.id},
                                 {"created_at", domain::format_timestamp(item.created_at)},
                                 {"channel_id", item.channel_id},
                                 {"channel", channel},
                                 {"song_id", item.song_id},
                                 {"title", item.song_title}})
      << '\n';
}

}  // namespace

std::optional<ExportFormat> parse_export_format(std::string_view name) {
  if (name == "csv") return ExportFormat::csv;
  if (name == "ndjson") return ExportFormat::ndjson;
  return std::nullopt;
}

std::int64_t export_history(store::Store& store, const ExportRange& range, ExportFormat format,
                            std::ostream& out) {
  const auto names = channel_names(store);
  if (format == ExportFormat::csv) out << "id,created_at,channel_id,channel,song_id,title\r\n";
  domain::HistoryQuery page;
  page.channel_id = range.channel_id;
  page.from = range.from;
  page.to = range.to;
  page.limit = domain::kMaxPageSize;
  std::int64_t written = 0;
  for (;;) {
    const auto items = store.list_history(page);
    for (const auto& item : items) {
      const auto name = names.find(item.channel_id);
      const auto& channel = name == names.end() ? kUnknownChannel : name->second;
      if (format == ExportFormat::csv)
        write_csv(item, channel, out);
      else
        write_ndjson(item, channel, out);
    }
    written += static_cast<std::int64_t>(items.size());
    if (items.size() < static_cast<std::size_t>(page.limit)) return written;
    page.before = items.back().id;
  }
}

}  // namespace nicecream::lifecycle
