#include "store/sqlite/engine.hpp"
#include "store/sqlite/transaction.hpp"

namespace nicecream::store::sqlite {

namespace {

const std::string kForgetLapsedOwners =
    "DELETE FROM crawler_owners WHERE seen_until <= ?1 AND owner <> ?2";
const std::string kSeeOwner =
    "INSERT INTO crawler_owners (owner, seen_until) VALUES (?1, ?2)"
    " ON CONFLICT (owner) DO UPDATE SET seen_until = excluded.seen_until";
// The caller counts as live even with a zero ttl.
const std::string kLiveOwners =
    "SELECT count(*) FROM crawler_owners WHERE seen_until > ?1 OR owner = ?2";
const std::string kChannelCount = "SELECT count(*) FROM channels";
// Keeps the owner's lowest channels up to its share and lets the rest go.
const std::string kShedExcess =
    "DELETE FROM channel_leases WHERE owner = ?1 AND channel_id NOT IN"
    " (SELECT channel_id FROM channel_leases WHERE owner = ?1 ORDER BY channel_id LIMIT ?2)";
const std::string kRenew = "UPDATE channel_leases SET expires_at = ?2 WHERE owner = ?1";
const std::string kHeldCount = "SELECT count(*) FROM channel_leases WHERE owner = ?1";
const std::string kTakeFreeOrLapsed =
    "INSERT INTO channel_leases (channel_id, owner, expires_at)"
    " SELECT c.id, ?1, ?2 FROM channels AS c LEFT JOIN channel_leases AS l ON l.channel_id = c.id"
    " WHERE l.channel_id IS NULL OR (l.expires_at <= ?3 AND l.owner <> ?1)"
    " ORDER BY c.id LIMIT ?4"
    " ON CONFLICT (channel_id) DO UPDATE SET owner = excluded.owner,"
    " expires_at = excluded.expires_at";
const std::string kHeld =
    "SELECT channel_id FROM channel_leases WHERE owner = ?1 ORDER BY channel_id";
const std::string kReleaseLeases = "DELETE FROM channel_leases WHERE owner = ?1";
const std::string kReleaseOwner = "DELETE FROM crawler_owners WHERE owner = ?1";

std::int64_t count(Connection& connection, const std::string& sql, auto... values) {
  auto row = connection.prepare(sql);
  row.bind_all(values...).step();
  return row.int64(0);
}

}  // namespace

// A fair share is ceil(channels / live owners): a newcomer gets channels as soon as the others
// next claim and shed what is beyond their share. The write lock orders concurrent claimers.
std::vector<Id> SqliteStore::claim_channels(std::string_view owner, std::chrono::seconds ttl) {
  auto lease = connection();
  return write_transaction(*lease, [&] {
    const auto now = domain::now();
    const auto until = now + ttl;
    lease->prepare(kForgetLapsedOwners).bind_all(now, owner).step();
    lease->prepare(kSeeOwner).bind_all(owner, until).step();
    const auto live = count(*lease, kLiveOwners, now, owner);
    const auto channels = count(*lease, kChannelCount);
    const auto share = (channels + live - 1) / live;
    lease->prepare(kShedExcess).bind_all(owner, share).step();
    lease->prepare(kRenew).bind_all(owner, until).step();
    const auto wanted = share - count(*lease, kHeldCount, owner);
    if (wanted > 0) lease->prepare(kTakeFreeOrLapsed).bind_all(owner, until, now, wanted).step();
    auto rows = lease->prepare(kHeld);
    rows.bind_all(owner);
    std::vector<Id> held;
    while (rows.step()) held.push_back(rows.int64(0));
    return held;
  });
}

void SqliteStore::release_channels(std::string_view owner) {
  auto lease = connection();
  write_transaction(*lease, [&] {
    lease->prepare(kReleaseLeases).bind_all(owner).step();
    lease->prepare(kReleaseOwner).bind_all(owner).step();
  });
}

}  // namespace nicecream::store::sqlite
