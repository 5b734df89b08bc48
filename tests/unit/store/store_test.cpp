#include "unit/store/store_test.hpp"

namespace nicecream::store::test {

INSTANTIATE_TEST_SUITE_P(Engines, StoreTest, ::testing::Values(Engine::sqlite, Engine::postgres),
                         [](const auto& info) { return engine_name(info.param); });

}  // namespace nicecream::store::test
