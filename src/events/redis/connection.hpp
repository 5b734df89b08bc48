#pragma once

#include <hiredis/hiredis.h>

#include <initializer_list>
#include <memory>
#include <stdexcept>
#include <string_view>

#include "events/redis/redis_settings.hpp"

namespace nicecream::events::redis {

// Redis is unreachable, went away, or refused a command. The connection that threw is unusable.
class RedisError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct ReplyDeleter {
  void operator()(redisReply* reply) const { freeReplyObject(reply); }
};
using Reply = std::unique_ptr<redisReply, ReplyDeleter>;

// One blocking hiredis connection with bounded I/O: every wait is capped by the settings'
// timeouts, and a write to a closed socket never raises SIGPIPE in the calling thread.
class Connection {
 public:
  // Connects, sets the timeouts and TCP keepalive, and selects the database.
  explicit Connection(const RedisSettings& settings);

  // Sends a command and waits for its reply; an error reply throws too.
  Reply command(std::initializer_list<std::string_view> arguments);
  // Sends a command without waiting for the reply (subscribed connections read them as they come).
  void send(std::initializer_list<std::string_view> arguments);
  // Reads what the socket holds; call when poll() says it is readable. Throws when Redis closed it.
  void read_available();
  // A complete reply read earlier, or null.
  Reply next_reply();

  int fd() const { return context_->fd; }

 private:
  struct ContextDeleter {
    void operator()(redisContext* context) const { redisFree(context); }
  };

  void append(std::initializer_list<std::string_view> arguments);
  void flush();
  [[noreturn]] void fail(std::string_view doing) const;

  std::unique_ptr<redisContext, ContextDeleter> context_;
};

}  // namespace nicecream::events::redis
