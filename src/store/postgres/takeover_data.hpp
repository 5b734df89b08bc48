#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "store/postgres/connection.hpp"

// The data half of taking over the original's database: what must change in its rows before our
// constraints fit them. Each step adds its lines to the report; the caller's transaction holds
// them all.
namespace nicecream::store::postgres::takeover {

// Statements that may take long on a large database go through exec_script (no answer
// deadline); what they count lands in a temporary table, read back at once.
void open_counts(Connection& connection);
// Runs `statement`, a data-modifying CTE named `done` followed by nothing, and keeps how many
// rows it touched under `what`; returns that number.
std::int64_t count_rows(Connection& connection, const std::string& what,
                        const std::string& statement);

// Table sizes before anything changes.
void report_sizes(Connection& connection, std::vector<std::string>& lines);
// Songs with the same title and users with the same subject (char(21) padding trimmed), merged
// into their lowest id with history and bookmarks repointed; then bookmarks that became the same
// (user, song) collapsed into the earliest.
void merge_duplicate_songs(Connection& connection, std::vector<std::string>& lines);
void merge_duplicate_users(Connection& connection, std::vector<std::string>& lines);
void collapse_duplicate_bookmarks(Connection& connection, std::vector<std::string>& lines);
// Channel names our check refuses (empty, too long, the same as a lower id's) get "channel<id>"
// ("ch<id>" from id 1000);
// the original names stay in `original_channel_names`.
void rename_unfit_channels(Connection& connection, std::vector<std::string>& lines);
// Fills songs.artist and songs.track with the split the recorder uses, in batches.
void fill_artist_and_track(Connection& connection);

}  // namespace nicecream::store::postgres::takeover
