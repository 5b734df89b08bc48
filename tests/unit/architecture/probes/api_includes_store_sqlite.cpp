// Must not build: api works on the Store interface; only cli picks an engine.
#include "store/sqlite/sqlite_store.hpp"
