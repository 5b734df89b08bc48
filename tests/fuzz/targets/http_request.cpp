// A request's bytes as the server reads them: Beast's request_parser under the server's header
// and body limits, the target split into path and query, the route found, then the query, path
// and Last-Event-ID integers read as the handlers read them. The bytes are parsed twice, whole
// and in small pieces (as they may arrive), and both must read the same request.
#include <algorithm>
#include <boost/asio/buffer.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/beast/http/parser.hpp>

#include "api/common/query_reader.hpp"
#include "config/config.hpp"
#include "domain/pages.hpp"
#include "http/request.hpp"
#include "http/router.hpp"
#include "support/check.hpp"
#include "support/input.hpp"

using namespace nicecream;
namespace bhttp = boost::beast::http;

namespace {

struct Parsed {
  bool done = false;
  boost::system::error_code error;
  http::Message message;
};

// What Beast's read loop does: hand the parser what has arrived; after need_more, call it again
// only with more bytes (the parser's contract), otherwise while bytes are left.
Parsed parse(std::string_view bytes, std::size_t piece) {
  const config::ServerConfig options;  // the defaults serve starts with
  bhttp::request_parser<bhttp::string_body> parser;
  parser.header_limit(static_cast<std::uint32_t>(options.max_header_bytes));
  parser.body_limit(options.max_body_bytes);
  parser.eager(true);
  Parsed parsed;
  std::string arrived;
  std::size_t received = 0;
  bool needs_more = true;
  while (!parser.is_done() && !parsed.error) {
    if (needs_more) {
      if (received == bytes.size()) break;  // the client sent no more: it would time out
      const auto size = std::min(piece, bytes.size() - received);
      arrived.append(bytes.substr(received, size));
      received += size;
    }
    const auto used = parser.put(boost::asio::buffer(arrived), parsed.error);
    arrived.erase(0, used);
    // Beast's loop also reads when its buffer is empty, or the parser took nothing from it.
    needs_more = parsed.error == bhttp::error::need_more || arrived.empty() || used == 0;
    if (parsed.error == bhttp::error::need_more) parsed.error = {};
  }
  parsed.done = parser.is_done();
  if (parsed.done) parsed.message = parser.release();
  return parsed;
}

// A malformed start may be refused at once when the bytes arrive together, but only once the
// header is complete when they trickle in; either way no request is served. What must agree is
// whether a request is read, and which one. One known exception: Beast 1.81 applies the header
// limit to the request line and to the fields each, when both come in one read, but to the whole
// header when it trickles in; so a header over the limit may be read whole and refused in pieces.
void require_same(std::string_view bytes, const Parsed& whole, const Parsed& pieces) {
  const auto header_end = bytes.find("\r\n\r\n");
  const bool over_limit = header_end == std::string_view::npos ||
                          header_end + 4 > config::ServerConfig{}.max_header_bytes;
  if (whole.done && pieces.error == bhttp::error::header_limit && over_limit) return;
  fuzz::require(whole.done == pieces.done, "pieces and whole agree on reading a request");
  if (!whole.done) return;
  fuzz::require(whole.message.method_string() == pieces.message.method_string() &&
                    whole.message.target() == pieces.message.target() &&
                    whole.message.body() == pieces.message.body(),
                "pieces and whole read the same request");
}

// The app's route shapes: literals, and an integer capture.
const http::Router& routes() {
  static const http::Router router = [] {
    http::Router made;
    using bhttp::verb;
    for (const auto* path :
         {"/channels", "/history", "/history/events", "/user", "/user/sign_out", "/user/google",
          "/user/google/callback", "/user/bookmarks", "/openapi.json", "/docs"})
      made.add(verb::get, path, nullptr);
    made.add(verb::post, "/user/bookmarks", nullptr);
    made.add(verb::delete_, "/user/bookmarks/{bookmark_id:int}", nullptr);
    return made;
  }();
  return router;
}

void require_integer_text(std::optional<std::int64_t> value, std::string_view text) {
  if (!value) return;
  if (text.starts_with('-')) text.remove_prefix(1);
  fuzz::require(!text.empty() && std::all_of(text.begin(), text.end(),
                                             [](char c) { return c >= '0' && c <= '9'; }),
                "an accepted integer is written in decimal digits only");
}

void read_query(const http::QueryParams& query) {
  api::QueryReader history(query, {"channel_id"}, api::kPageParameters);
  require_integer_text(history.integer("channel_id", {.min = 0}),
                       query.get("channel_id").value_or(""));
  const auto window = api::read_page_window(history);
  fuzz::require(window.limit >= 1 && window.limit <= domain::kMaxPageSize, "limit in range");
  fuzz::require(window.offset >= 0 && window.before.value_or(1) >= 1, "offset and before in range");
  api::QueryReader events(query, {"channel_id", "last_event_id"});
  events.integer("last_event_id", {.min = 0});
}

void answer(http::Request& request) {
  const auto target = http::parse_target(request.message.target());
  if (!target) return;
  fuzz::require(target->path.starts_with('/'), "an origin-form path starts with '/'");
  request.path = target->path;
  request.query = target->query;
  read_query(request.query);
  domain::ValidationErrors errors;
  const auto last_event_id = request.header("Last-Event-ID");
  if (!last_event_id.empty())
    require_integer_text(
        domain::read_integer(last_event_id, {.min = 0}, "header", "Last-Event-ID", errors),
        last_event_id);
  routes().allowed_methods(request.path);
  const auto found = routes().find(request.method(), request.path);
  if (const auto* route = std::get_if<http::Router::Found>(&found)) {
    request.params = route->params;
    const auto id = request.params.get("bookmark_id");
    if (id)
      require_integer_text(domain::read_integer(*id, {.min = 1}, "path", "bookmark_id", errors),
                           *id);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto bytes = fuzz::as_text(data, size);
  auto whole = parse(bytes, bytes.size() + 1);
  require_same(bytes, whole, parse(bytes, 1 + size % 13));
  if (!whole.done) return 0;
  http::Request request;
  request.message = std::move(whole.message);
  answer(request);
  return 0;
}
