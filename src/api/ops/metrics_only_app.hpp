#pragma once

#include <boost/asio/awaitable.hpp>
#include <string>

#include "http/request.hpp"
#include "http/response.hpp"
#include "http/router.hpp"

namespace nicecream::api {

// What a process that serves no API (`crawl`, NICECREAM_CRAWL_METRICS_PORT) answers: GET /metrics
// and GET /healthz as `serve` answers them, so the processes that poll and record can be scraped
// too; anything else 404 (405 for another method on those two).
class MetricsOnlyApp {
 public:
  explicit MetricsOnlyApp(std::string metrics_token);
  MetricsOnlyApp(const MetricsOnlyApp&) = delete;  // its routes refer to it
  MetricsOnlyApp& operator=(const MetricsOnlyApp&) = delete;
  boost::asio::awaitable<http::Response> handle(http::Request& request);

 private:
  std::string metrics_token_;
  http::Router router_;
};

}  // namespace nicecream::api
