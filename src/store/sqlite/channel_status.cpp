#include <algorithm>

#include "store/sqlite/engine.hpp"
#include "store/sqlite/transaction.hpp"

namespace nicecream::store::sqlite {

namespace {

const std::string kCurrent = "SELECT state, error, since FROM channel_status WHERE channel_id = ?1";
// Selecting from channels makes a channel removed (or paused) a moment ago write nothing.
const std::string kWriteStatus =
    "INSERT INTO channel_status (channel_id, state, since, last_poll_at, last_change_at, error)"
    " SELECT id, ?2, ?3, ?4, ?4, NULLIF(?5, '') FROM channels WHERE id = ?1 AND paused = 0"
    " ON CONFLICT (channel_id) DO UPDATE SET state = excluded.state, since = excluded.since,"
    " last_poll_at = excluded.last_poll_at, last_change_at = excluded.last_change_at,"
    " error = excluded.error";
// The partial unique index makes a second open outage impossible; an open one is continued.
const std::string kOpenOutage =
    "INSERT INTO outages (channel_id, started_at, reason) VALUES (?1, ?2, ?3)"
    " ON CONFLICT (channel_id) WHERE ended_at IS NULL DO NOTHING";
// max(): a crawler whose clock runs behind the one that opened the outage still ends it.
const std::string kCloseOutage =
    "UPDATE outages SET ended_at = max(started_at, ?2) WHERE channel_id = ?1 AND ended_at IS NULL";
const std::string kPolled =
    "UPDATE channel_status SET last_poll_at = max(last_poll_at, ?2) WHERE channel_id = ?1";
const std::string kStatuses =
    "SELECT c.id, coalesce(s.state, 'pending'), coalesce(s.since, 0), coalesce(s.last_poll_at, 0),"
    " coalesce(s.last_change_at, 0), coalesce(s.error, '')"
    " FROM channels AS c LEFT JOIN channel_status AS s ON s.channel_id = c.id ORDER BY c.id";
const std::string kOutageColumns =
    "SELECT id, channel_id, started_at, ended_at IS NULL, coalesce(ended_at, 0), reason"
    " FROM outages WHERE 1 = 1";

domain::ChannelStatus read_status(const Statement& row) {
  domain::ChannelStatus status;
  status.channel_id = row.int64(0);
  status.state = domain::parse_channel_state(row.text(1)).value_or(domain::ChannelState::pending);
  if (status.state == domain::ChannelState::pending) return status;
  status.since = row.timestamp(2);
  status.last_poll_at = row.timestamp(3);
  status.last_change_at = row.timestamp(4);
  status.error = row.text(5);
  return status;
}

domain::Outage read_outage(const Statement& row) {
  domain::Outage outage{row.int64(0), row.int64(1), row.timestamp(2), std::nullopt, row.text(5)};
  if (row.int64(3) == 0) outage.ended_at = row.timestamp(4);
  return outage;
}

}  // namespace

std::optional<domain::ChannelStatus> SqliteStore::record_poll_outcome(
    const domain::PollOutcome& outcome) {
  const auto state = outcome.failed() ? domain::ChannelState::failing : domain::ChannelState::ok;
  auto lease = connection();
  return write_transaction(*lease, [&]() -> std::optional<domain::ChannelStatus> {
    auto since = outcome.at;
    {
      auto current = lease->prepare(kCurrent);
      current.bind_all(outcome.channel_id);
      if (current.step() && current.text(0) == domain::to_string(state)) {
        if (current.text(1) == outcome.error) {
          lease->prepare(kPolled).bind_all(outcome.channel_id, outcome.at).step();
          return std::nullopt;
        }
        since = current.timestamp(2);  // still failing, for another reason
      }
    }
    lease->prepare(kWriteStatus)
        .bind_all(outcome.channel_id, domain::to_string(state), since, outcome.at, outcome.error)
        .step();
    if (lease->changes() == 0) return std::nullopt;  // the channel is gone
    if (outcome.failed())
      lease->prepare(kOpenOutage).bind_all(outcome.channel_id, since, outcome.error).step();
    else
      lease->prepare(kCloseOutage).bind_all(outcome.channel_id, outcome.at).step();
    return domain::ChannelStatus{outcome.channel_id, state,      since,
                                 outcome.at,         outcome.at, outcome.error};
  });
}

void SqliteStore::record_polls(const std::vector<domain::PollOutcome>& polls) {
  if (polls.empty()) return;
  auto lease = connection();
  write_transaction(*lease, [&] {
    for (const auto& poll : polls)
      lease->prepare(kPolled).bind_all(poll.channel_id, poll.at).step();
  });
}

std::vector<domain::ChannelStatus> SqliteStore::list_channel_statuses() {
  auto lease = connection();
  auto rows = lease->prepare(kStatuses);
  std::vector<domain::ChannelStatus> statuses;
  while (rows.step()) statuses.push_back(read_status(rows));
  return statuses;
}

std::vector<domain::Outage> SqliteStore::list_outages(const domain::OutageQuery& query) {
  auto sql = kOutageColumns;
  if (query.channel_id) sql += " AND channel_id = :channel";
  if (query.to) sql += " AND started_at < :to";
  if (query.from) sql += " AND (ended_at IS NULL OR ended_at > :from)";
  sql += " ORDER BY started_at DESC, id DESC LIMIT :limit";
  auto lease = connection();
  auto rows = lease->prepare(sql);
  if (query.channel_id) rows.bind_named(":channel", *query.channel_id);
  if (query.to) rows.bind_named(":to", *query.to);
  if (query.from) rows.bind_named(":from", *query.from);
  rows.bind_named(":limit", std::int64_t{std::max(query.limit, 0)});
  std::vector<domain::Outage> outages;
  while (rows.step()) outages.push_back(read_outage(rows));
  return outages;
}

}  // namespace nicecream::store::sqlite
