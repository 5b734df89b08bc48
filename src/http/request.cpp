#include "http/request.hpp"

#include <boost/url/parse.hpp>
#include <charconv>

namespace nicecream::http {

namespace {
template <class Entries>
std::optional<std::string_view> find_entry(const Entries& entries, std::string_view name) {
  for (const auto& [key, value] : entries)
    if (key == name) return std::string_view(value);
  return std::nullopt;
}
}  // namespace

std::optional<std::string_view> QueryParams::get(std::string_view name) const {
  return find_entry(entries, name);
}

std::optional<std::string_view> PathParams::get(std::string_view name) const {
  return find_entry(entries, name);
}

std::int64_t PathParams::integer(std::string_view name) const {
  const auto text = get(name).value_or("0");
  std::int64_t value = 0;
  std::from_chars(text.data(), text.data() + text.size(), value);
  return value;
}

std::string_view Request::header(std::string_view name) const {
  const auto found = message.find(name);
  if (found == message.end()) return {};
  return std::string_view(found->value().data(), found->value().size());
}

std::optional<ParsedTarget> parse_target(std::string_view target) {
  const auto parsed = boost::urls::parse_origin_form(target);
  if (!parsed) return std::nullopt;
  ParsedTarget result;
  result.path = parsed->path();
  for (const auto param : parsed->params())
    result.query.entries.emplace_back(param.key, param.has_value ? param.value : "");
  return result;
}

}  // namespace nicecream::http
