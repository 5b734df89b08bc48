#include <stdexcept>

#include "store/sqlite/engine.hpp"

// Songs, artists and charts: placeholders until the rollups land.
namespace nicecream::store::sqlite {

namespace {
[[noreturn]] void not_yet() {
  throw std::logic_error("catalog: not implemented yet");
}
}  // namespace

std::vector<domain::SongSummary> SqliteStore::list_songs(const domain::CatalogQuery&) {
  not_yet();
}
std::optional<domain::SongDetail> SqliteStore::song_detail(Id) {
  not_yet();
}
std::vector<domain::SlotPlays> SqliteStore::song_plays_by_slot(Id, domain::Timestamp,
                                                               domain::Timestamp) {
  not_yet();
}
std::vector<domain::ArtistSummary> SqliteStore::list_artists(const domain::CatalogQuery&) {
  not_yet();
}
std::optional<domain::ArtistDetail> SqliteStore::artist_detail(Id) {
  not_yet();
}
std::vector<domain::ChartEntry> SqliteStore::chart(const domain::ChartQuery&) {
  not_yet();
}

}  // namespace nicecream::store::sqlite
