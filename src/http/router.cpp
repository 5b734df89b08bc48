#include "http/router.hpp"

#include <charconv>
#include <cstdint>

namespace nicecream::http {

namespace {
std::vector<std::string_view> split_path(std::string_view path) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  if (!path.empty() && path.front() == '/') start = 1;
  while (start <= path.size()) {
    const auto slash = path.find('/', start);
    const auto end = slash == std::string_view::npos ? path.size() : slash;
    parts.push_back(path.substr(start, end - start));
    if (slash == std::string_view::npos) break;
    start = slash + 1;
  }
  if (parts.size() == 1 && parts.front().empty()) parts.clear();  // "/" is the root
  return parts;
}

bool is_integer(std::string_view text) {
  std::int64_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  return !text.empty() && error == std::errc{} && end == text.data() + text.size();
}

void append_method(std::string& allow, boost::beast::http::verb method) {
  const auto name = boost::beast::http::to_string(method);
  if (allow.find(name) != std::string::npos) return;
  if (!allow.empty()) allow += ", ";
  allow += name;
}
}  // namespace

void Router::add(boost::beast::http::verb method, std::string_view pattern, Handler handler) {
  Route route{method, std::string(pattern), {}, std::move(handler)};
  for (const auto part : split_path(pattern)) {
    if (part.size() > 2 && part.front() == '{' && part.back() == '}') {
      auto inner = part.substr(1, part.size() - 2);
      const auto colon = inner.find(':');
      const bool integer = colon != std::string_view::npos && inner.substr(colon + 1) == "int";
      route.segments.push_back({std::string(inner.substr(0, colon)),
                                integer ? Segment::Kind::integer : Segment::Kind::any});
    } else {
      route.segments.push_back({std::string(part), Segment::Kind::literal});
    }
  }
  routes_.push_back(std::move(route));
}

Router::Fit Router::fit(const Route& route, const std::vector<std::string_view>& parts,
                        PathParams* params, std::string* bad_param) {
  if (route.segments.size() != parts.size()) return Fit::no;
  PathParams captured;
  std::string bad;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    const auto& segment = route.segments[i];
    if (segment.kind == Segment::Kind::literal) {
      if (segment.text != parts[i]) return Fit::no;
      continue;
    }
    if (parts[i].empty()) return Fit::no;
    if (segment.kind == Segment::Kind::integer && !is_integer(parts[i]) && bad.empty())
      bad = segment.text;
    captured.entries.emplace_back(segment.text, std::string(parts[i]));
  }
  if (!bad.empty()) {
    if (bad_param) *bad_param = bad;
    return Fit::bad_param;
  }
  if (params) *params = std::move(captured);
  return Fit::yes;
}

Router::Result Router::find(boost::beast::http::verb method, std::string_view path) const {
  const auto parts = split_path(path);
  std::string allow;
  std::string bad_param;
  for (const auto& route : routes_) {
    PathParams params;
    std::string bad;
    const auto result = fit(route, parts, &params, &bad);
    if (result == Fit::no) continue;
    append_method(allow, route.method);
    if (route.method != method) continue;
    if (result == Fit::bad_param) {
      bad_param = bad;
      continue;
    }
    return Found{&route.handler, std::move(params), &route.pattern};
  }
  if (!bad_param.empty()) return BadParam{bad_param, allow};
  if (allow.empty()) return NotFound{};
  return MethodNotAllowed{allow};
}

std::string Router::allowed_methods(std::string_view path) const {
  const auto parts = split_path(path);
  std::string allow;
  for (const auto& route : routes_)
    if (fit(route, parts, nullptr, nullptr) != Fit::no) append_method(allow, route.method);
  return allow;
}

}  // namespace nicecream::http
