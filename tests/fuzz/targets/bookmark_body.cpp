// A POST /user/bookmarks body, read as the handler reads it: the JSON object (415 / 422 when it
// is not one), then {"song_id": N}, and the 422 answer listing what is wrong.
#include "api/bookmarks/bookmark_body.hpp"

#include <boost/json/parse.hpp>

#include "api/common/json_body.hpp"
#include "api/common/responses.hpp"
#include "domain/models.hpp"
#include "support/check.hpp"
#include "support/input.hpp"

using namespace nicecream;
namespace bhttp = boost::beast::http;

namespace {

void require_json_error(const http::Response& response) {
  const auto status = response.message.result();
  fuzz::require(status == bhttp::status::unsupported_media_type ||
                    status == bhttp::status::unprocessable_entity,
                "a refused body is a 415 or a 422");
  boost::system::error_code error;
  boost::json::parse(response.message.body(), error);
  fuzz::require(!error, "every error body is JSON");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  http::Request request;
  request.message.method(bhttp::verb::post);
  request.message.target("/user/bookmarks");
  request.message.set(bhttp::field::content_type, "application/json");
  request.message.body() = fuzz::as_text(data, size);
  request.path = "/user/bookmarks";

  auto body = api::read_json_object(request);
  if (const auto* refused = std::get_if<http::Response>(&body)) {
    require_json_error(*refused);
    return 0;
  }
  domain::ValidationErrors errors;
  const auto song_id = api::read_song_id(std::get<boost::json::object>(body), errors);
  if (song_id) {
    fuzz::require(*song_id >= 1, "a song id is >= 1");
    return 0;
  }
  require_json_error(api::validation_response(errors));
  return 0;
}
