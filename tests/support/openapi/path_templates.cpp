#include "support/openapi/path_templates.hpp"

#include <cstddef>
#include <limits>

namespace nicecream::support::openapi {

namespace {

// "/a/b/" -> {"a", "b", ""}: the trailing empty segment keeps "/docs" and "/docs/" apart.
std::vector<std::string_view> segments(std::string_view path) {
  std::vector<std::string_view> parts;
  if (path.starts_with('/')) path.remove_prefix(1);
  while (true) {
    const auto slash = path.find('/');
    parts.push_back(path.substr(0, slash));
    if (slash == std::string_view::npos) return parts;
    path.remove_prefix(slash + 1);
  }
}

bool is_parameter(std::string_view segment) {
  return segment.size() > 2 && segment.front() == '{' && segment.back() == '}';
}

// How many parameter segments it took to match, or nullopt when `path` does not match.
std::optional<std::size_t> fit(std::string_view path_template, std::string_view path) {
  const auto wanted = segments(path_template);
  const auto given = segments(path);
  if (wanted.size() != given.size()) return std::nullopt;
  std::size_t parameters = 0;
  for (std::size_t index = 0; index < wanted.size(); ++index) {
    if (is_parameter(wanted[index]) && !given[index].empty()) {
      ++parameters;
    } else if (wanted[index] != given[index]) {
      return std::nullopt;
    }
  }
  return parameters;
}

}  // namespace

std::vector<std::string> template_parameters(std::string_view path_template) {
  std::vector<std::string> names;
  for (const auto segment : segments(path_template))
    if (is_parameter(segment)) names.emplace_back(segment.substr(1, segment.size() - 2));
  return names;
}

std::optional<std::string> match_path_template(const std::vector<std::string>& templates,
                                               std::string_view path) {
  path = path.substr(0, path.find('?'));
  std::optional<std::string> best;
  std::size_t fewest_parameters = std::numeric_limits<std::size_t>::max();
  for (const auto& candidate : templates) {
    const auto parameters = fit(candidate, path);
    if (parameters && *parameters < fewest_parameters) {
      best = candidate;
      fewest_parameters = *parameters;
    }
  }
  return best;
}

}  // namespace nicecream::support::openapi
