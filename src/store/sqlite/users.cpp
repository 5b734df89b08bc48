#include "store/sqlite/engine.hpp"
#include "store/sqlite/transaction.hpp"

namespace nicecream::store::sqlite {

namespace {

const std::string kUserColumns = "id, sub, picture, given_name, family_name, coalesce(email, '')";
// The conflict target is `sub`, so an update touches that one person's row and no other.
const std::string kUpsert =
    "INSERT INTO users (sub, picture, given_name, family_name, email)"
    " VALUES (?1, ?2, ?3, ?4, NULLIF(?5, ''))"
    " ON CONFLICT (sub) DO UPDATE SET picture = excluded.picture,"
    " given_name = excluded.given_name, family_name = excluded.family_name,"
    " email = excluded.email"
    " RETURNING " +
    kUserColumns;
const std::string kFindUser = "SELECT " + kUserColumns + " FROM users WHERE id = ?1";

domain::User read_user(const Statement& row) {
  return {row.int64(0), row.text(1), row.text(2), row.text(3), row.text(4), row.text(5)};
}

}  // namespace

domain::User SqliteStore::upsert_user(const domain::UserClaims& claims) {
  auto lease = connection();
  return write_transaction(*lease, [&] {
    auto row = lease->prepare(kUpsert);
    row.bind_all(claims.sub, claims.picture, claims.given_name, claims.family_name, claims.email)
        .step();
    return read_user(row);
  });
}

std::optional<domain::User> SqliteStore::find_user(Id id) {
  auto lease = connection();
  auto row = lease->prepare(kFindUser);
  if (!row.bind_all(id).step()) return std::nullopt;
  return read_user(row);
}

}  // namespace nicecream::store::sqlite
