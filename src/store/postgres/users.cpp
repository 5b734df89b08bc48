#include "store/postgres/engine.hpp"

namespace nicecream::store::postgres {

namespace {

const std::string kUserColumns = "id, sub, picture, given_name, family_name, coalesce(email, '')";
// The conflict target is `sub`, so an update touches that one person's row and no other.
const std::string kUpsert =
    "INSERT INTO users (sub, picture, given_name, family_name, email)"
    " VALUES ($1, $2, $3, $4, NULLIF($5, ''))"
    " ON CONFLICT (sub) DO UPDATE SET picture = excluded.picture,"
    " given_name = excluded.given_name, family_name = excluded.family_name,"
    " email = excluded.email"
    " RETURNING " +
    kUserColumns;
const std::string kFindUser = "SELECT " + kUserColumns + " FROM users WHERE id = $1";

domain::User read_user(const Result& rows) {
  return {rows.int64(0, 0), rows.text(0, 1), rows.text(0, 2),
          rows.text(0, 3),  rows.text(0, 4), rows.text(0, 5)};
}

}  // namespace

domain::User PostgresStore::upsert_user(const domain::UserClaims& claims) {
  return with_connection([&](Connection& connection) {
    return read_user(connection.query(kUpsert, claims.sub, claims.picture, claims.given_name,
                                      claims.family_name, claims.email));
  });
}

std::optional<domain::User> PostgresStore::find_user(Id id) {
  return with_connection([&](Connection& connection) -> std::optional<domain::User> {
    const auto rows = connection.query(kFindUser, id);
    if (rows.empty()) return std::nullopt;
    return read_user(rows);
  });
}

}  // namespace nicecream::store::postgres
