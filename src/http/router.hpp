#pragma once

#include <boost/asio/awaitable.hpp>
#include <boost/beast/http/verb.hpp>
#include <functional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "http/request.hpp"
#include "http/response.hpp"

namespace nicecream::http {

using Handler = std::function<boost::asio::awaitable<Response>(Request&)>;

// Maps method and path to handlers. Patterns are literal segments and captures: `{name}` takes
// any segment, `{name:int}` a whole number (optionally signed; range checks belong to handlers).
class Router {
 public:
  struct Found {
    const Handler* handler;
    PathParams params;
    const std::string* pattern;  // as added, e.g. "/bookmarks/{bookmark_id:int}"
  };
  struct NotFound {};
  struct MethodNotAllowed {
    std::string allow;  // e.g. "GET, POST"
  };
  struct BadParam {
    std::string name;  // a `:int` capture that is not a number
    std::string allow;
  };
  using Result = std::variant<Found, NotFound, MethodNotAllowed, BadParam>;

  void add(boost::beast::http::verb method, std::string_view pattern, Handler handler);
  Result find(boost::beast::http::verb method, std::string_view path) const;
  // The methods any route of this path answers, e.g. for an OPTIONS preflight.
  std::string allowed_methods(std::string_view path) const;

 private:
  struct Segment {
    std::string text;  // literal text, or the capture's name
    enum class Kind { literal, any, integer } kind = Kind::literal;
  };
  struct Route {
    boost::beast::http::verb method;
    std::string pattern;
    std::vector<Segment> segments;
    Handler handler;
  };
  enum class Fit { no, yes, bad_param };
  static Fit fit(const Route& route, const std::vector<std::string_view>& parts, PathParams* params,
                 std::string* bad_param);

  std::vector<Route> routes_;
};

}  // namespace nicecream::http
