#include "store/migrations/runner.hpp"

namespace nicecream::store::migrations {

int run_migrations(std::span<const Migration> migrations, MigrationTarget& target) {
  const int current = target.current_version();
  int applied = 0;
  for (const auto& migration : migrations) {
    if (migration.version <= current) continue;
    if (target.apply(migration)) ++applied;
  }
  return applied;
}

std::span<const Migration> up_to(std::span<const Migration> migrations, int version) {
  std::size_t count = 0;
  while (count < migrations.size() && migrations[count].version <= version) ++count;
  return migrations.first(count);
}

}  // namespace nicecream::store::migrations
