#include "lifecycle/history_export.hpp"

#include <boost/json.hpp>

#include "domain/csv.hpp"
#include "domain/song_title.hpp"
#include "domain/timestamp.hpp"

namespace nicecream::lifecycle {

namespace {

const std::string kUnknownChannel;  // removed while the export ran

const std::string& name_of(const ChannelNames& names, domain::Id channel_id) {
  const auto name = names.find(channel_id);
  return name == names.end() ? kUnknownChannel : name->second;
}

void append_csv(std::string& out, const domain::HistoryItem& item, const std::string& channel,
                const domain::ArtistAndTrack& song) {
  out += std::to_string(item.id) + ',' + domain::format_timestamp(item.created_at) + ',' +
         std::to_string(item.channel_id) + ',' + domain::csv_field(channel) + ',' +
         std::to_string(item.song_id) + ',' + domain::csv_field(item.song_title) + ',' +
         domain::csv_field(song.artist) + ',' + domain::csv_field(song.track) + "\r\n";
}

void append_ndjson(std::string& out, const domain::HistoryItem& item, const std::string& channel,
                   const domain::ArtistAndTrack& song) {
  out += boost::json::serialize(
      boost::json::object{{"id", item.id},
                          {"created_at", domain::format_timestamp(item.created_at)},
                          {"channel_id", item.channel_id},
                          {"channel_name", channel},
                          {"song_id", item.song_id},
                          {"song_title", item.song_title},
                          {"artist", song.artist},
                          {"track", song.track}});
  out += '\n';
}

}  // namespace

std::optional<ExportFormat> parse_export_format(std::string_view name) {
  if (name == "csv") return ExportFormat::csv;
  if (name == "ndjson") return ExportFormat::ndjson;
  return std::nullopt;
}

ChannelNames channel_names(store::Store& store) {
  ChannelNames names;
  for (auto& channel : store.list_channels()) names.emplace(channel.id, std::move(channel.name));
  return names;
}

std::string export_preamble(ExportFormat format) {
  return format == ExportFormat::csv ? std::string(kExportHeader) + "\r\n" : std::string();
}

void append_record(std::string& out, const domain::HistoryItem& item, const ChannelNames& names,
                   ExportFormat format) {
  const auto song = domain::split_artist_and_track(item.song_title);
  const auto& channel = name_of(names, item.channel_id);
  if (format == ExportFormat::csv)
    append_csv(out, item, channel, song);
  else
    append_ndjson(out, item, channel, song);
}

HistoryBatches::HistoryBatches(domain::HistoryQuery filters, ExportFormat format,
                               ChannelNames names)
    : page_(std::move(filters)), format_(format), names_(std::move(names)) {
  page_.before.reset();
  page_.offset = 0;
  page_.limit = domain::kMaxPageSize;
  page_.viewer_user_id.reset();
}

std::string HistoryBatches::next_batch(store::Store& store, int max_items) {
  std::string out;
  for (int taken = 0; !done_ && taken < max_items;) {
    const auto items = store.scan_history(page_);
    for (const auto& item : items) append_record(out, item, names_, format_);
    taken += static_cast<int>(items.size());
    written_ += static_cast<std::int64_t>(items.size());
    if (items.size() < static_cast<std::size_t>(page_.limit))
      done_ = true;
    else
      page_.before = items.back().id;
  }
  return out;
}

std::int64_t export_history(store::Store& store, const domain::HistoryQuery& filters,
                            ExportFormat format, std::ostream& out) {
  HistoryBatches batches(filters, format, channel_names(store));
  out << export_preamble(format);
  while (!batches.done()) out << batches.next_batch(store);
  return batches.written();
}

}  // namespace nicecream::lifecycle
