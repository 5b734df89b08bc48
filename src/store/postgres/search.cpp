#include "store/postgres/search.hpp"

#include <charconv>
#include <stdexcept>

#include "domain/search_words.hpp"

namespace nicecream::store::postgres {

namespace {

std::string joined(const std::vector<std::string>& words) {
  std::string text;
  for (const auto& word : words) text += (text.empty() ? "" : " ") + word;
  return text;
}

constexpr std::int64_t kFewSongs = 2000;
// Where gathering the matches costs about what a page's walk would spend looking up songs (some
// 13,000 of a million songs for a history page of 50).
constexpr std::int64_t kMostGathered = 12000;
// Matches read to judge how many there are: enough for a share within a few per cent.
constexpr std::int64_t kSampledMatches = 200;

std::vector<std::string> ids_of(const Result& rows) {
  std::vector<std::string> ids;
  ids.reserve(static_cast<std::size_t>(rows.rows()));
  for (int row = 0; row < rows.rows(); ++row) ids.push_back(rows.text(row, 0));
  return ids;
}

// The block of a row's "(block,offset)" ctid.
std::int64_t block_of(const std::string& ctid) {
  std::int64_t block = 0;
  if (ctid.size() < 2 ||
      std::from_chars(ctid.data() + 1, ctid.data() + ctid.size(), block).ec != std::errc{})
    throw std::runtime_error("PostgreSQL: unexpected ctid '" + ctid + "'");
  return block;
}

// Every song `matches` holds (a condition on m, its parameters in `params`), or many past `most`
// of them.
MatchingSongs gathered(Connection& connection, const std::string& matches, Params params,
                       std::optional<std::int64_t> most) {
  std::string sql = "SELECT m.id FROM songs AS m WHERE " + matches;
  if (most) sql += " LIMIT " + params.add(*most + 1);
  const auto all = connection.exec(sql, params.values());
  if (most && all.rows() > *most) return MatchingSongs{};
  return MatchingSongs{
      all.rows() <= kFewSongs ? MatchingSongs::Count::few : MatchingSongs::Count::some,
      ids_of(all)};
}

}  // namespace

// A folded word holds no ASCII punctuation (the fold turns it into spaces), so it can hold no
// LIKE wildcard or escape either: '%', '_' and '\' never reach the pattern. A word that folds to
// nothing (say a lone '’') is no constraint; the words as a whole must fold to something.
std::optional<std::string> title_has_words(Params& params, std::string_view text,
                                           std::string_view search_text) {
  const auto words = domain::search_words(text);
  if (words.empty()) return std::nullopt;
  const std::string column(search_text);
  std::string condition = "nicecream_fold(" + params.add(joined(words)) + ") <> ''";
  for (std::size_t i = 0; i < words.size(); ++i) {
    const auto word = "nicecream_fold(" + params.add(words[i]) + ")";
    const bool last = i + 1 == words.size();
    condition += " AND (" + word + " = '' OR " + column + " LIKE '% ' || " + word +
                 (last ? " || '%')" : " || ' %')");
  }
  return condition;
}

std::string title_similarity(Params& params, std::string_view text, std::string_view search_text) {
  return "similarity(" + std::string(search_text) + ", nicecream_fold(" +
         params.add(joined(domain::search_words(text))) + "))";
}

// The first matches come in the order of the table's blocks (a bitmap or a sequential scan), so
// the block of the last of kSampledMatches tells what share of the table they were found in, and
// so about how many there are, for the cost of reading a few hundred (a word in every tenth title
// is judged after some 3,000 titles). A scan that starts mid-table (synchronized with another) or
// runs in parallel can misjudge that share; the gathering stops at twice its goal either way.
std::optional<MatchingSongs> matching_songs(Connection& connection, std::string_view text,
                                            Gathering gathering) {
  Params params;
  const auto condition = title_has_words(params, text, "m.search_text");
  if (!condition) return std::nullopt;
  return matching_songs_where(connection, *condition, params, gathering);
}

MatchingSongs matching_songs_where(Connection& connection, const std::string& matches,
                                   const Params& params, Gathering gathering) {
  if (gathering == Gathering::all) return gathered(connection, matches, params, std::nullopt);
  Params sample_params = params;
  const auto sample = connection.exec(
      "SELECT m.id, m.ctid,"
      " (SELECT pg_relation_size('songs') / current_setting('block_size')::bigint)"
      " FROM songs AS m WHERE " +
          matches + " LIMIT " + sample_params.add(kSampledMatches + 1),
      sample_params.values());
  if (sample.rows() <= kSampledMatches)
    return MatchingSongs{MatchingSongs::Count::few, ids_of(sample)};
  const auto last = sample.rows() - 1;
  const auto blocks = static_cast<double>(sample.int64(last, 2));
  const auto searched = static_cast<double>(block_of(sample.text(last, 1)) + 1);
  if (static_cast<double>(sample.rows()) * blocks / searched > kMostGathered)
    return MatchingSongs{};
  return gathered(connection, matches, params, 2 * kMostGathered);
}

std::string id_array(Params& params, const std::vector<std::string>& ids) {
  return params.add(bigint_array(ids)) + "::bigint[]";
}

}  // namespace nicecream::store::postgres
