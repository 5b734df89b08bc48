#include "store/sqlite/engine.hpp"
#include "store/sqlite/transaction.hpp"

namespace nicecream::store::sqlite {

namespace {

const std::string kOwner = "SELECT user_id FROM push_subscriptions WHERE endpoint = ?1";
// A browser's endpoint has one owner: saving it again (new keys, or another user signed in on
// that browser) updates the row in place.
const std::string kSave =
    "INSERT INTO push_subscriptions (user_id, endpoint, p256dh, auth, created_at)"
    " VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (endpoint) DO UPDATE SET"
    " user_id = excluded.user_id, p256dh = excluded.p256dh, auth = excluded.auth";
const std::string kListSubscriptions =
    "SELECT id, user_id, endpoint, p256dh, auth, created_at FROM push_subscriptions"
    " WHERE user_id = ?1 ORDER BY id";
const std::string kRemoveSubscription =
    "DELETE FROM push_subscriptions WHERE user_id = ?1 AND endpoint = ?2";
const std::string kForget = "DELETE FROM push_subscriptions WHERE endpoint = ?1";

}  // namespace

bool SqliteStore::save_push_subscription(Id user_id,
                                         const domain::NewPushSubscription& subscription) {
  auto lease = connection();
  return write_transaction(*lease, [&] {
    auto owner = lease->prepare(kOwner);
    const bool already_theirs =
        owner.bind_all(subscription.endpoint).step() && owner.int64(0) == user_id;
    lease->prepare(kSave)
        .bind_all(user_id, subscription.endpoint, subscription.p256dh, subscription.auth,
                  domain::now())
        .step();
    return !already_theirs;
  });
}

std::vector<domain::PushSubscription> SqliteStore::list_push_subscriptions(Id user_id) {
  auto lease = connection();
  auto rows = lease->prepare(kListSubscriptions);
  rows.bind_all(user_id);
  std::vector<domain::PushSubscription> subscriptions;
  while (rows.step())
    subscriptions.push_back({.id = rows.int64(0),
                             .user_id = rows.int64(1),
                             .endpoint = rows.text(2),
                             .p256dh = rows.text(3),
                             .auth = rows.text(4),
                             .created_at = rows.timestamp(5)});
  return subscriptions;
}

bool SqliteStore::remove_push_subscription(Id user_id, std::string_view endpoint) {
  auto lease = connection();
  return write_transaction(*lease, [&] {
    lease->prepare(kRemoveSubscription).bind_all(user_id, endpoint).step();
    return lease->changes() > 0;
  });
}

void SqliteStore::forget_push_endpoint(std::string_view endpoint) {
  auto lease = connection();
  write_transaction(*lease, [&] {
    lease->prepare(kForget).bind_all(endpoint).step();
    return 0;
  });
}

}  // namespace nicecream::store::sqlite
