#pragma once

#include <chrono>
#include <string>

namespace nicecream::events::redis {

using std::chrono::milliseconds;

// Built in cli from config::EventsConfig, which holds the defaults of the first four.
struct RedisSettings {
  std::string host;
  int port = 0;
  int db = 0;  // pub/sub ignores it; selected for parity
  std::string channel;
  milliseconds connect_timeout{2000};
  milliseconds io_timeout{
      5000};  // a publish or a PING answer that takes longer means Redis is gone
  milliseconds ping_interval{15000};  // an idle subscription checks the server is still there
  milliseconds first_retry{100};      // reconnect waits double from here ...
  milliseconds longest_retry{5000};   // ... up to here

  // "host:port", for log lines
  std::string endpoint() const { return host + ":" + std::to_string(port); }
};

}  // namespace nicecream::events::redis
