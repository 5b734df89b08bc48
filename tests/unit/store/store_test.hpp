#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "store/store.hpp"
#include "unit/store/engine_harness.hpp"

namespace nicecream::store::test {

// The one suite both engines run: each test gets a freshly migrated, empty database.
class StoreTest : public ::testing::TestWithParam<Engine> {
 protected:
  void SetUp() override {
    harness_ = make_harness(GetParam());
    store_ = harness_->open();
    migrations_applied_ = store_->migrate();
  }

  Store& store() { return *store_; }
  EngineHarness& harness() { return *harness_; }
  int migrations_applied() const { return migrations_applied_; }

 private:
  std::unique_ptr<EngineHarness> harness_;
  std::unique_ptr<Store> store_;
  int migrations_applied_ = 0;
};

// A fixed instant with a microsecond part, `seconds` later, so round trips are checked exactly.
inline domain::Timestamp instant(int seconds) {
  using namespace std::chrono;
  return domain::Timestamp{sys_days{year{2026} / 11 / 27}} + hours{19} + microseconds{590829} +
         std::chrono::seconds{seconds};
}

inline constexpr Id kRed = 1;
inline constexpr Id kGreen = 2;
inline constexpr Id kBlue = 3;

}  // namespace nicecream::store::test
