#pragma once

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include "domain/models.hpp"
#include "store/store.hpp"

namespace nicecream::api {

// Every channel as GET /channels shows it: with its status (`pending` until first polled).
// Blocking: store calls.
boost::json::array channels_with_status(store::Store& store);

// One channel the same way, as the admin routes answer it. Blocking.
boost::json::object channel_with_status(store::Store& store, const domain::Channel& channel);

// The status of a channel as the store has it now (pending when it has no row). Blocking.
domain::ChannelStatus current_status(store::Store& store, domain::Id channel_id);

}  // namespace nicecream::api
