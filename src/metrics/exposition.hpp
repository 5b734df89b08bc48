#pragma once

#include <string>
#include <string_view>

#include "metrics/registry.hpp"

namespace nicecream::metrics {

// The Prometheus text exposition format, version 0.0.4: what GET /metrics answers.
inline constexpr std::string_view kExpositionContentType =
    "text/plain; version=0.0.4; charset=utf-8";

// Appends one family: its HELP and TYPE lines, then one line per series (histograms: the
// cumulative buckets with `le`, `_sum` and `_count`).
void write_family(const Family<Counter>& family, std::string& out);
void write_family(const Family<Gauge>& family, std::string& out);
void write_family(const Family<Histogram>& family, std::string& out);

// A label value as the format quotes it: backslash, double quote and line feed escaped.
std::string escape_label_value(std::string_view value);
// A sample value: the shortest decimal that reads back the same, or +Inf / -Inf / NaN.
std::string format_value(double value);

}  // namespace nicecream::metrics
