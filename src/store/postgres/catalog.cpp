#include "domain/catalog.hpp"

#include <algorithm>

#include "store/postgres/engine.hpp"
#include "store/postgres/search.hpp"
#include "store/postgres/transaction.hpp"

// Songs and artists, read from the rollups the history triggers keep (migration 0002): no query
// here scans history. Lists are most played first, or by relevance (trigram similarity of the
// folded query to the folded title) then plays when searched.
namespace nicecream::store::postgres {

namespace {

const std::string kSongColumns = "s.id, s.title, s.artist, s.track, coalesce(s.artist_id, 0), " +
                                 std::string("coalesce(p.plays, 0), ") +
                                 micros("coalesce(p.first_played_at, 'epoch')") + ", " +
                                 micros("coalesce(p.last_played_at, 'epoch')");
const std::string kSongChannels = "SELECT channel_id, plays, " + micros("last_played_at") +
                                  " FROM song_channel_plays WHERE song_id = $1 ORDER BY channel_id";
// One song's or artist's plays per quarter hour, every channel added up (its primary key's range).
const std::string kSongSlots =
    "SELECT slot, sum(plays) FROM song_slot_plays WHERE song_id = $1 AND slot >= $2 AND slot < $3"
    " GROUP BY slot ORDER BY slot";
const std::string kArtistSlots =
    "SELECT slot, sum(plays) FROM artist_slot_plays WHERE artist_id = $1 AND slot >= $2"
    " AND slot < $3 GROUP BY slot ORDER BY slot";
const std::string kArtistColumns = "a.id, a.name, coalesce(p.songs, 0), coalesce(p.plays, 0), " +
                                   micros("coalesce(p.last_played_at, 'epoch')");
const std::string kArtistSongs =
    "SELECT s.id, s.title, s.track, p.plays, " + micros("p.last_played_at") +
    " FROM songs AS s JOIN song_plays AS p ON p.song_id = s.id WHERE s.artist_id = $1"
    " ORDER BY p.plays DESC, s.id";
// The expression artists_search_text indexes.
const std::string kArtistSearchText = "(' ' || a.fold_key || ' ')";

std::string page(Params& params, const domain::CatalogQuery& query) {
  return " LIMIT " + params.add(std::int64_t{std::clamp(query.limit, 0, domain::kMaxPageSize)}) +
         " OFFSET " + params.add(std::max<std::int64_t>(query.offset, 0));
}

std::vector<domain::SongSummary> read_songs(const Result& rows) {
  std::vector<domain::SongSummary> songs;
  for (int row = 0; row < rows.rows(); ++row) {
    domain::SongSummary song{rows.int64(row, 0),     rows.text(row, 1),     rows.text(row, 2),
                             rows.text(row, 3),      std::nullopt,          rows.int64(row, 5),
                             rows.timestamp(row, 6), rows.timestamp(row, 7)};
    if (const Id artist = rows.int64(row, 4)) song.artist_id = artist;
    songs.push_back(std::move(song));
  }
  return songs;
}

std::vector<domain::ArtistSummary> read_artists(const Result& rows) {
  std::vector<domain::ArtistSummary> artists;
  for (int row = 0; row < rows.rows(); ++row)
    artists.push_back({rows.int64(row, 0), rows.text(row, 1), rows.int64(row, 2),
                       rows.int64(row, 3), rows.timestamp(row, 4)});
  return artists;
}

// How a list reads its subjects: played ones only (a song whose airings all went, its channel
// removed, has nothing to show), most played first.
struct Listing {
  std::string columns;
  std::string from;  // the subject joined with its plays
  std::string key;
  std::string plays;
  std::string search_text;
  std::string plays_table;  // the subject's plays alone, most played first by its plays index
  std::string plays_key;    // its subject column
};

const Listing kSongListing{kSongColumns,    "songs AS s JOIN song_plays AS p ON p.song_id = s.id",
                           "s.id",          "p.plays",
                           "s.search_text", "song_plays",
                           "song_id"};
const Listing kArtistListing{kArtistColumns,
                             "artists AS a JOIN artist_plays AS p ON p.artist_id = a.id",
                             "a.id",
                             "p.plays",
                             kArtistSearchText,
                             "artist_plays",
                             "artist_id"};

// Relevance is ranked among the most played matches only: ranking every match of a word found
// in a tenth of a million titles costs seconds, while the most played few hundred of them come
// from walking down the plays index. Deeper pages of a search end there.
constexpr int kRankedMatches = 200;

std::string listing_sql(Params& params, const domain::CatalogQuery& query, const Listing& listing,
                        const std::optional<std::string>& matches) {
  const auto by_plays = " ORDER BY " + listing.plays + " DESC, " + listing.key;
  std::string sql = "SELECT " + listing.columns + " FROM " + listing.from;
  // The most played page is counted off the plays index alone and joins only its own subjects:
  // a subject read for every one skipped made offset 900,000 of a million songs take 1.1-1.3 s
  // instead of 0.1.
  if (!matches)
    return sql + " JOIN (SELECT " + listing.plays_key + " AS id FROM " + listing.plays_table +
           " ORDER BY plays DESC, " + listing.plays_key + page(params, query) +
           ") AS page ON page.id = " + listing.key + by_plays;
  sql += " JOIN (SELECT " + listing.key + " AS candidate FROM " + listing.from + " WHERE " +
         *matches + by_plays + " LIMIT " + params.add(std::int64_t{kRankedMatches}) +
         ") AS c ON c.candidate = " + listing.key;
  return sql + " ORDER BY " + title_similarity(params, *query.text, listing.search_text) +
         " DESC, " + listing.plays + " DESC, " + listing.key + page(params, query);
}

// The rows of `listing` for `query`, or nothing to ask when its text has no words.
std::optional<std::string> list_sql(Params& params, const domain::CatalogQuery& query,
                                    const Listing& listing) {
  if (!query.text) return listing_sql(params, query, listing, std::nullopt);
  const auto matches = title_has_words(params, *query.text, listing.search_text);
  if (!matches) return std::nullopt;
  return listing_sql(params, query, listing, matches);
}

// A search walks down the plays index until it has met the most played matches: a short read.
// The most played list is one range of that index, planned as such.
template <class Read>
auto read_list(Connection& connection, const domain::CatalogQuery& query, Read&& read) {
  return query.text ? short_read(connection, std::forward<Read>(read)) : read();
}

// `sql` (kSongSlots or kArtistSlots) for one id over [from, to).
std::vector<domain::SlotPlays> plays_by_slot(Connection& connection, const std::string& sql, Id id,
                                             domain::Timestamp from, domain::Timestamp to) {
  const auto rows =
      connection.query(sql, id, domain::first_slot_from(from), domain::first_slot_from(to));
  std::vector<domain::SlotPlays> slots;
  for (int row = 0; row < rows.rows(); ++row)
    slots.push_back({domain::slot_start(rows.int64(row, 0)), rows.int64(row, 1)});
  return slots;
}

}  // namespace

// A search's most played matches: walking down the plays index tests each song it meets, by
// looking it up and matching its title (1.3 µs a song), or against the gathered matches when
// there are not too many to gather: a prefix matching 9,000 of a million songs, mostly little
// played, met its 200 most played 40,000 songs down (51 ms looked up, 29 gathered and tested).
std::vector<domain::SongSummary> PostgresStore::list_songs(const domain::CatalogQuery& query) {
  return with_connection([&](Connection& connection) -> std::vector<domain::SongSummary> {
    std::optional<MatchingSongs> songs;  // when searched
    if (query.text) {
      songs = matching_songs(connection, *query.text);
      if (!songs || songs->none()) return {};
    }
    Params params;
    const auto sql =
        songs && songs->count != MatchingSongs::Count::many
            ? std::optional(listing_sql(params, query, kSongListing,
                                        "p.song_id = ANY(" + id_array(params, songs->ids) + ")"))
            : list_sql(params, query, kSongListing);
    if (!sql) return {};
    return read_list(connection, query,
                     [&] { return read_songs(connection.exec(*sql, params.values())); });
  });
}

std::optional<domain::SongDetail> PostgresStore::song_detail(Id song_id) {
  const std::string sql = "SELECT " + kSongColumns +
                          " FROM songs AS s LEFT JOIN song_plays AS p ON p.song_id = s.id"
                          " WHERE s.id = $1";
  return with_connection([&](Connection& connection) -> std::optional<domain::SongDetail> {
    auto songs = read_songs(connection.query(sql, song_id));
    if (songs.empty()) return std::nullopt;
    domain::SongDetail detail{std::move(songs.front()), {}};
    const auto rows = connection.query(kSongChannels, song_id);
    for (int row = 0; row < rows.rows(); ++row)
      detail.channels.push_back({rows.int64(row, 0), rows.int64(row, 1), rows.timestamp(row, 2)});
    return detail;
  });
}

std::vector<domain::SlotPlays> PostgresStore::song_plays_by_slot(Id song_id, domain::Timestamp from,
                                                                 domain::Timestamp to) {
  return with_connection([&](Connection& connection) {
    return plays_by_slot(connection, kSongSlots, song_id, from, to);
  });
}

std::vector<domain::SlotPlays> PostgresStore::artist_plays_by_slot(Id artist_id,
                                                                   domain::Timestamp from,
                                                                   domain::Timestamp to) {
  return with_connection([&](Connection& connection) {
    return plays_by_slot(connection, kArtistSlots, artist_id, from, to);
  });
}

std::vector<domain::ArtistSummary> PostgresStore::list_artists(const domain::CatalogQuery& query) {
  Params params;
  const auto sql = list_sql(params, query, kArtistListing);
  if (!sql) return {};
  return with_connection([&](Connection& connection) {
    return read_list(connection, query,
                     [&] { return read_artists(connection.exec(*sql, params.values())); });
  });
}

std::optional<domain::ArtistDetail> PostgresStore::artist_detail(Id artist_id) {
  const std::string sql = "SELECT " + kArtistColumns +
                          " FROM artists AS a LEFT JOIN artist_plays AS p ON p.artist_id = a.id"
                          " WHERE a.id = $1";
  return with_connection([&](Connection& connection) -> std::optional<domain::ArtistDetail> {
    auto artists = read_artists(connection.query(sql, artist_id));
    if (artists.empty()) return std::nullopt;
    domain::ArtistDetail detail{std::move(artists.front()), {}};
    const auto rows = connection.query(kArtistSongs, artist_id);
    for (int row = 0; row < rows.rows(); ++row)
      detail.songs.push_back({rows.int64(row, 0), rows.text(row, 1), rows.text(row, 2),
                              rows.int64(row, 3), rows.timestamp(row, 4)});
    return detail;
  });
}

}  // namespace nicecream::store::postgres
