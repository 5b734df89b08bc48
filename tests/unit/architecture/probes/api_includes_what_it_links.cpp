// Builds: api links http, auth, store, events, domain and concurrency.
#include "auth/session.hpp"
#include "concurrency/blocking_pool.hpp"
#include "domain/models.hpp"
#include "events/bus.hpp"
#include "http/router.hpp"
#include "store/store.hpp"
