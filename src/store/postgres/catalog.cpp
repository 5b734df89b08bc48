#include <stdexcept>

#include "store/postgres/engine.hpp"

// Songs, artists and charts: placeholders until the rollups land.
namespace nicecream::store::postgres {

namespace {
[[noreturn]] void not_yet() {
  throw std::logic_error("catalog: not implemented yet");
}
}  // namespace

std::vector<domain::SongSummary> PostgresStore::list_songs(const domain::CatalogQuery&) {
  not_yet();
}
std::optional<domain::SongDetail> PostgresStore::song_detail(Id) {
  not_yet();
}
std::vector<domain::SlotPlays> PostgresStore::song_plays_by_slot(Id, domain::Timestamp,
                                                                 domain::Timestamp) {
  not_yet();
}
std::vector<domain::ArtistSummary> PostgresStore::list_artists(const domain::CatalogQuery&) {
  not_yet();
}
std::optional<domain::ArtistDetail> PostgresStore::artist_detail(Id) {
  not_yet();
}
std::vector<domain::ChartEntry> PostgresStore::chart(const domain::ChartQuery&) {
  not_yet();
}

}  // namespace nicecream::store::postgres
