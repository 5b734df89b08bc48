#include "metrics/exposition.hpp"

#include <charconv>
#include <cmath>
#include <vector>

namespace nicecream::metrics {

namespace {
void write_header(std::string_view name, std::string_view help, std::string_view type,
                  std::string& out) {
  out.append("# HELP ").append(name).append(" ");
  for (const char c : help) {
    if (c == '\\')
      out.append("\\\\");
    else if (c == '\n')
      out.append("\\n");
    else
      out.push_back(c);
  }
  out.append("\n# TYPE ").append(name).append(" ").append(type).append("\n");
}

// `{a="1",b="2"}` for the names and values given, plus one more pair when `extra_name` is set
// (a histogram's `le`); nothing at all when there are no labels.
void write_labels(const std::vector<std::string>& names, const std::vector<std::string>& values,
                  std::string_view extra_name, std::string_view extra_value, std::string& out) {
  if (names.empty() && extra_name.empty()) return;
  out.push_back('{');
  bool first = true;
  const auto pair = [&](std::string_view name, std::string_view value) {
    if (!first) out.push_back(',');
    first = false;
    out.append(name).append("=\"").append(escape_label_value(value)).append("\"");
  };
  for (std::size_t i = 0; i < names.size() && i < values.size(); ++i) pair(names[i], values[i]);
  if (!extra_name.empty()) pair(extra_name, extra_value);
  out.push_back('}');
}

void write_sample(std::string_view name, const std::vector<std::string>& label_names,
                  const std::vector<std::string>& values, std::string_view sample, std::string& out,
                  std::string_view extra_name = {}, std::string_view extra_value = {}) {
  out.append(name);
  write_labels(label_names, values, extra_name, extra_value, out);
  out.append(" ").append(sample).append("\n");
}
}  // namespace

std::string escape_label_value(std::string_view value) {
  std::string escaped;
  escaped.reserve(value.size());
  for (const char c : value) {
    if (c == '\\')
      escaped.append("\\\\");
    else if (c == '"')
      escaped.append("\\\"");
    else if (c == '\n')
      escaped.append("\\n");
    else
      escaped.push_back(c);
  }
  return escaped;
}

std::string format_value(double value) {
  if (std::isnan(value)) return "NaN";
  if (std::isinf(value)) return value > 0 ? "+Inf" : "-Inf";
  char buffer[32];
  const auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, value);
  return error == std::errc{} ? std::string(buffer, end) : "NaN";
}

void write_family(const Family<Counter>& family, std::string& out) {
  write_header(family.name(), family.help(), "counter", out);
  family.each([&](const std::vector<std::string>& values, const Counter& counter) {
    write_sample(family.name(), family.labels(), values, std::to_string(counter.value()), out);
  });
}

void write_family(const Family<Gauge>& family, std::string& out) {
  write_header(family.name(), family.help(), "gauge", out);
  family.each([&](const std::vector<std::string>& values, const Gauge& gauge) {
    write_sample(family.name(), family.labels(), values, std::to_string(gauge.value()), out);
  });
}

void write_family(const Family<Histogram>& family, std::string& out) {
  write_header(family.name(), family.help(), "histogram", out);
  const auto bucket_name = family.name() + "_bucket";
  family.each([&](const std::vector<std::string>& values, const Histogram& histogram) {
    const auto snapshot = histogram.snapshot();
    for (std::size_t i = 0; i < snapshot.cumulative.size(); ++i) {
      const bool last = i + 1 == snapshot.cumulative.size();
      const auto bound = last ? std::string("+Inf") : format_value(histogram.bounds()[i]);
      write_sample(bucket_name, family.labels(), values, std::to_string(snapshot.cumulative[i]),
                   out, "le", bound);
    }
    write_sample(family.name() + "_sum", family.labels(), values, format_value(snapshot.sum), out);
    write_sample(family.name() + "_count", family.labels(), values,
                 std::to_string(snapshot.cumulative.back()), out);
  });
}

}  // namespace nicecream::metrics
