#include "store/postgres/engine.hpp"
#include "store/postgres/transaction.hpp"

namespace nicecream::store::postgres {

namespace {

// Claims run one at a time across all processes ("nicelock" in ASCII); held to the commit.
const std::string kLeaseLock = "SELECT pg_advisory_xact_lock(7955999503988777835)";
// The server's clock decides expiry, so crawlers on hosts with skewed clocks agree.
const std::string kForgetLapsedOwners =
    "DELETE FROM crawler_owners WHERE seen_until <= now() AND owner <> $1";
const std::string kSeeOwner =
    "INSERT INTO crawler_owners (owner, seen_until)"
    " VALUES ($1, now() + make_interval(secs => $2::double precision))"
    " ON CONFLICT (owner) DO UPDATE SET seen_until = excluded.seen_until";
// The caller counts as live even with a zero ttl.
const std::string kLiveOwners =
    "SELECT count(*) FROM crawler_owners WHERE seen_until > now() OR owner = $1";
const std::string kChannelCount = "SELECT count(*) FROM channels";
// Keeps the owner's lowest channels up to its share and lets the rest go.
const std::string kShedExcess =
    "DELETE FROM channel_leases WHERE owner = $1 AND channel_id NOT IN"
    " (SELECT channel_id FROM channel_leases WHERE owner = $1 ORDER BY channel_id LIMIT $2)";
const std::string kRenew =
    "UPDATE channel_leases SET expires_at = now() + make_interval(secs => $2::double precision)"
    " WHERE owner = $1";
const std::string kHeldCount = "SELECT count(*) FROM channel_leases WHERE owner = $1";
const std::string kTakeFreeOrLapsed =
    "INSERT INTO channel_leases (channel_id, owner, expires_at)"
    " SELECT c.id, $1, now() + make_interval(secs => $2::double precision)"
    " FROM channels AS c LEFT JOIN channel_leases AS l ON l.channel_id = c.id"
    " WHERE l.channel_id IS NULL OR (l.expires_at <= now() AND l.owner <> $1)"
    " ORDER BY c.id LIMIT $3"
    " ON CONFLICT (channel_id) DO UPDATE SET owner = excluded.owner,"
    " expires_at = excluded.expires_at";
const std::string kHeld =
    "SELECT channel_id FROM channel_leases WHERE owner = $1 ORDER BY channel_id";
const std::string kReleaseLeases = "DELETE FROM channel_leases WHERE owner = $1";
const std::string kReleaseOwner = "DELETE FROM crawler_owners WHERE owner = $1";

}  // namespace

// A fair share is ceil(channels / live owners): a newcomer gets channels as soon as the others
// next claim and shed what is beyond their share.
std::vector<Id> PostgresStore::claim_channels(std::string_view owner, std::chrono::seconds ttl) {
  const std::int64_t seconds = ttl.count();
  return with_connection([&](Connection& connection) {
    return transaction(connection, [&] {
      connection.exec(kLeaseLock);
      connection.query(kForgetLapsedOwners, owner);
      connection.query(kSeeOwner, owner, seconds);
      const auto live = connection.query(kLiveOwners, owner).int64(0, 0);
      const auto channels = connection.exec(kChannelCount).int64(0, 0);
      const auto share = (channels + live - 1) / live;
      connection.query(kShedExcess, owner, share);
      connection.query(kRenew, owner, seconds);
      const auto wanted = share - connection.query(kHeldCount, owner).int64(0, 0);
      if (wanted > 0) connection.query(kTakeFreeOrLapsed, owner, seconds, wanted);
      const auto rows = connection.query(kHeld, owner);
      std::vector<Id> held;
      for (int row = 0; row < rows.rows(); ++row) held.push_back(rows.int64(row, 0));
      return held;
    });
  });
}

void PostgresStore::release_channels(std::string_view owner) {
  with_connection([&](Connection& connection) {
    transaction(connection, [&] {
      connection.query(kReleaseLeases, owner);
      connection.query(kReleaseOwner, owner);
    });
  });
}

}  // namespace nicecream::store::postgres
