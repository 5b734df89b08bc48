#include <algorithm>

#include "store/postgres/engine.hpp"
#include "store/postgres/transaction.hpp"

namespace nicecream::store::postgres {

namespace {

// FOR UPDATE: a crawler whose lease lapsed and the one that took over apply their outcomes one
// after the other.
const std::string kCurrent = "SELECT state, coalesce(error, ''), " + micros("since") +
                             " FROM channel_status WHERE channel_id = $1 FOR UPDATE";
// Selecting from channels makes a channel removed (or paused) a moment ago write nothing.
const std::string kWriteStatus =
    "INSERT INTO channel_status (channel_id, state, since, last_poll_at, last_change_at, error)"
    " SELECT id, $2, $3::timestamptz, $4::timestamptz, $4::timestamptz, NULLIF($5, '')"
    " FROM channels WHERE id = $1 AND NOT paused"
    " ON CONFLICT (channel_id) DO UPDATE SET state = excluded.state, since = excluded.since,"
    " last_poll_at = excluded.last_poll_at, last_change_at = excluded.last_change_at,"
    " error = excluded.error RETURNING channel_id";
// The partial unique index makes a second open outage impossible; an open one is continued.
const std::string kOpenOutage =
    "INSERT INTO outages (channel_id, started_at, reason) VALUES ($1, $2::timestamptz, $3)"
    " ON CONFLICT (channel_id) WHERE ended_at IS NULL DO NOTHING";
// greatest(): a crawler whose clock runs behind the one that opened the outage still ends it.
const std::string kCloseOutage =
    "UPDATE outages SET ended_at = greatest(started_at, $2::timestamptz)"
    " WHERE channel_id = $1 AND ended_at IS NULL";
const std::string kPolled =
    "UPDATE channel_status SET last_poll_at = greatest(last_poll_at, $2::timestamptz)"
    " WHERE channel_id = $1";
const std::string kStatuses = "SELECT c.id, coalesce(s.state, 'pending'), " + micros("s.since") +
                              ", " + micros("s.last_poll_at") + ", " + micros("s.last_change_at") +
                              ", coalesce(s.error, '')"
                              " FROM channels AS c LEFT JOIN channel_status AS s"
                              " ON s.channel_id = c.id ORDER BY c.id";
const std::string kOutageColumns = "SELECT id, channel_id, " + micros("started_at") + ", " +
                                   micros("ended_at") + ", reason FROM outages WHERE true";

std::vector<domain::ChannelStatus> read_statuses(const Result& rows) {
  std::vector<domain::ChannelStatus> statuses;
  statuses.reserve(rows.rows());
  for (int row = 0; row < rows.rows(); ++row) {
    domain::ChannelStatus status;
    status.channel_id = rows.int64(row, 0);
    status.state =
        domain::parse_channel_state(rows.text(row, 1)).value_or(domain::ChannelState::pending);
    if (status.state != domain::ChannelState::pending) {
      status.since = rows.timestamp(row, 2);
      status.last_poll_at = rows.timestamp(row, 3);
      status.last_change_at = rows.timestamp(row, 4);
      status.error = rows.text(row, 5);
    }
    statuses.push_back(std::move(status));
  }
  return statuses;
}

std::vector<domain::Outage> read_outages(const Result& rows) {
  std::vector<domain::Outage> outages;
  outages.reserve(rows.rows());
  for (int row = 0; row < rows.rows(); ++row) {
    domain::Outage outage{rows.int64(row, 0), rows.int64(row, 1), rows.timestamp(row, 2),
                          std::nullopt, rows.text(row, 4)};
    if (!rows.is_null(row, 3)) outage.ended_at = rows.timestamp(row, 3);
    outages.push_back(std::move(outage));
  }
  return outages;
}

}  // namespace

std::optional<domain::ChannelStatus> PostgresStore::record_poll_outcome(
    const domain::PollOutcome& outcome) {
  const auto state = outcome.failed() ? domain::ChannelState::failing : domain::ChannelState::ok;
  const std::string state_name(domain::to_string(state));
  return with_connection([&](Connection& connection) {
    return transaction(connection, [&]() -> std::optional<domain::ChannelStatus> {
      auto since = outcome.at;
      const auto current = connection.query(kCurrent, outcome.channel_id);
      if (!current.empty() && current.text(0, 0) == state_name) {
        if (current.text(0, 1) == outcome.error) {
          connection.query(kPolled, outcome.channel_id, outcome.at);
          return std::nullopt;
        }
        since = current.timestamp(0, 2);  // still failing, for another reason
      }
      const auto written = connection.query(kWriteStatus, outcome.channel_id, state_name, since,
                                            outcome.at, outcome.error);
      if (written.empty()) return std::nullopt;  // the channel is gone
      if (outcome.failed())
        connection.query(kOpenOutage, outcome.channel_id, since, outcome.error);
      else
        connection.query(kCloseOutage, outcome.channel_id, outcome.at);
      return domain::ChannelStatus{outcome.channel_id, state,      since,
                                   outcome.at,         outcome.at, outcome.error};
    });
  });
}

void PostgresStore::record_polls(const std::vector<domain::PollOutcome>& polls) {
  if (polls.empty()) return;
  with_connection([&](Connection& connection) {
    transaction(connection, [&] {
      for (const auto& poll : polls) connection.query(kPolled, poll.channel_id, poll.at);
    });
  });
}

std::vector<domain::ChannelStatus> PostgresStore::list_channel_statuses() {
  return with_connection(
      [&](Connection& connection) { return read_statuses(connection.exec(kStatuses)); });
}

std::vector<domain::Outage> PostgresStore::list_outages(const domain::OutageQuery& query) {
  Params params;
  auto sql = kOutageColumns;
  if (query.channel_id) sql += " AND channel_id = " + params.add(*query.channel_id);
  if (query.to) sql += " AND started_at < " + params.add(*query.to) + "::timestamptz";
  if (query.from)
    sql += " AND (ended_at IS NULL OR ended_at > " + params.add(*query.from) + "::timestamptz)";
  sql += " ORDER BY started_at DESC, id DESC LIMIT " +
         params.add(std::int64_t{std::max(query.limit, 0)});
  return with_connection(
      [&](Connection& connection) { return read_outages(connection.exec(sql, params.values())); });
}

}  // namespace nicecream::store::postgres
