// Any search text a listener may type, through the SQLite engine's query path: the words, the
// FTS5 MATCH string built from them, and the history, song and artist searches that run it on a
// small real database. Search syntax in the text must never reach FTS5 as syntax: every query
// answers with rows or none, never an error.
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>

#include "domain/search_words.hpp"
#include "store/sqlite/search_match.hpp"
#include "store/sqlite/sqlite_store.hpp"
#include "support/check.hpp"
#include "support/input.hpp"

using namespace nicecream;

namespace {

// A few songs with diacritics, other scripts and syntax characters in their titles.
constexpr const char* kTitles[] = {
    "Sigur Rós - Hoppípolla", "AC/DC - Back In Black", "Near Or Far - And \"Then\"",
    "Кино - Группа крови",    "東京事変 - 群青日和",   "Emoji - Song 🎵 (Live) [*]",
};

std::unique_ptr<store::Store> open_seeded_store() {
  std::string folder = (std::filesystem::temp_directory_path() / "search_query.XXXXXX").string();
  fuzz::require(::mkdtemp(folder.data()) != nullptr, "a temporary folder for the database");
  auto store = store::sqlite::open_sqlite_store(folder, 1);
  store->migrate();
  int second = 0;
  for (const char* title : kTitles)
    store->record_title(1, title, domain::Timestamp{std::chrono::seconds{++second}});
  return store;
}

void require_well_formed(std::string_view text) {
  const auto words = domain::search_words(text);
  const auto match = store::sqlite::fts5_match(text);
  fuzz::require(match.has_value() == !words.empty(), "a match string exactly when there are words");
  if (match) fuzz::require(match->back() == '*', "the last word is a prefix");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const auto store = open_seeded_store();
  const auto text = std::string(fuzz::as_text(data, size));
  require_well_formed(text);
  try {
    domain::HistoryQuery history;
    history.text = text;
    const auto items = store->list_history(history);
    fuzz::require(items.size() <= std::size(kTitles), "only seeded airings are found");
    domain::CatalogQuery catalog;
    catalog.text = text;
    store->list_songs(catalog);
    store->list_artists(catalog);
  } catch (const std::exception& error) {
    std::fprintf(stderr, "search failed: %s\n", error.what());
    std::abort();
  }
  return 0;
}
