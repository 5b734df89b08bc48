#include "api/common/owned_removal.hpp"

#include "api/common/query_reader.hpp"
#include "api/common/responses.hpp"
#include "api/common/session_context.hpp"

namespace nicecream::api {

boost::asio::awaitable<http::Response> remove_owned(Services& services,
                                                    const http::Request& request,
                                                    OwnedRemoval removal) {
  auto who = authorize(services, request);
  if (auto* denied = std::get_if<http::Response>(&who)) co_return std::move(*denied);
  const auto user_id = std::get<domain::Id>(who);
  domain::ValidationErrors errors;
  const auto id = read_path_id(request, removal.id_name, errors);
  if (!id) co_return no_store(validation_response(errors));
  const bool removed = co_await services.blocking.run([&] { return removal.remove(user_id, *id); });
  if (!removed) co_return no_store(error_response(Status::not_found, removal.not_found));
  co_return no_store(removal.removed());
}

}  // namespace nicecream::api
