#include "store/postgres/engine.hpp"
#include "store/postgres/transaction.hpp"

namespace nicecream::store::postgres {

namespace {

// Locks the endpoint's row (when there is one) until the save below commits.
const std::string kOwner = "SELECT user_id FROM push_subscriptions WHERE endpoint = $1 FOR UPDATE";
// A browser's endpoint has one owner: saving it again (new keys, or another user signed in on
// that browser) updates the row in place.
const std::string kSave =
    "INSERT INTO push_subscriptions (user_id, endpoint, p256dh, auth, created_at)"
    " VALUES ($1, $2, $3, $4, $5::timestamptz) ON CONFLICT (endpoint) DO UPDATE SET"
    " user_id = excluded.user_id, p256dh = excluded.p256dh, auth = excluded.auth";
const std::string kListSubscriptions = "SELECT id, user_id, endpoint, p256dh, auth, " +
                                       micros("created_at") +
                                       " FROM push_subscriptions WHERE user_id = $1 ORDER BY id";
const std::string kRemoveSubscription =
    "DELETE FROM push_subscriptions WHERE user_id = $1 AND endpoint = $2 RETURNING id";
const std::string kForget = "DELETE FROM push_subscriptions WHERE endpoint = $1";

}  // namespace

bool PostgresStore::save_push_subscription(Id user_id,
                                           const domain::NewPushSubscription& subscription) {
  return with_connection([&](Connection& connection) {
    return transaction(connection, [&] {
      const auto owner = connection.query(kOwner, subscription.endpoint);
      const bool already_theirs = !owner.empty() && owner.int64(0, 0) == user_id;
      connection.query(kSave, user_id, subscription.endpoint, subscription.p256dh,
                       subscription.auth, domain::now());
      return !already_theirs;
    });
  });
}

std::vector<domain::PushSubscription> PostgresStore::list_push_subscriptions(Id user_id) {
  return with_connection([&](Connection& connection) {
    const auto rows = connection.query(kListSubscriptions, user_id);
    std::vector<domain::PushSubscription> subscriptions;
    subscriptions.reserve(rows.rows());
    for (int row = 0; row < rows.rows(); ++row)
      subscriptions.push_back({.id = rows.int64(row, 0),
                               .user_id = rows.int64(row, 1),
                               .endpoint = rows.text(row, 2),
                               .p256dh = rows.text(row, 3),
                               .auth = rows.text(row, 4),
                               .created_at = rows.timestamp(row, 5)});
    return subscriptions;
  });
}

bool PostgresStore::remove_push_subscription(Id user_id, std::string_view endpoint) {
  return with_connection([&](Connection& connection) {
    return !connection.query(kRemoveSubscription, user_id, endpoint).empty();
  });
}

void PostgresStore::forget_push_endpoint(std::string_view endpoint) {
  with_connection([&](Connection& connection) {
    connection.query(kForget, endpoint);
    return 0;
  });
}

}  // namespace nicecream::store::postgres
