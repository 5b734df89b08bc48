#include "events/redis/connection.hpp"

#include <pthread.h>
#include <signal.h>
#include <sys/time.h>

#include <string>
#include <vector>

namespace nicecream::events::redis {

namespace {

timeval to_timeval(milliseconds duration) {
  return {static_cast<time_t>(duration.count() / 1000),
          static_cast<suseconds_t>(duration.count() % 1000 * 1000)};
}

// hiredis writes with write(), so a connection Redis closed would raise SIGPIPE and end the
// process. Like libpq, hold the signal back in this thread while writing, and discard one that
// the write caused.
class SigpipeHeld {
 public:
  SigpipeHeld() {
    sigemptyset(&pipe_);
    sigaddset(&pipe_, SIGPIPE);
    pthread_sigmask(SIG_BLOCK, &pipe_, &previous_);
    was_pending_ = pending();
  }
  ~SigpipeHeld() {
    if (!was_pending_ && pending()) {
      const timespec no_wait{0, 0};
      sigtimedwait(&pipe_, nullptr, &no_wait);
    }
    pthread_sigmask(SIG_SETMASK, &previous_, nullptr);
  }
  SigpipeHeld(const SigpipeHeld&) = delete;
  SigpipeHeld& operator=(const SigpipeHeld&) = delete;

 private:
  static bool pending() {
    sigset_t set;
    sigpending(&set);
    return sigismember(&set, SIGPIPE) == 1;
  }

  sigset_t pipe_{};
  sigset_t previous_{};
  bool was_pending_ = false;
};

std::string describe_error_reply(const redisReply& reply) {
  return std::string(reply.str, reply.len);
}

}  // namespace

Connection::Connection(const RedisSettings& settings)
    : context_(redisConnectWithTimeout(settings.host.c_str(), settings.port,
                                       to_timeval(settings.connect_timeout))) {
  if (!context_) throw RedisError("out of memory while connecting");
  if (context_->err) fail("connecting");
  if (redisSetTimeout(context_.get(), to_timeval(settings.io_timeout)) != REDIS_OK)
    fail("setting timeouts");
  if (redisEnableKeepAlive(context_.get()) != REDIS_OK) fail("enabling keepalive");
  if (settings.db != 0) command({"SELECT", std::to_string(settings.db)});
}

Reply Connection::command(std::initializer_list<std::string_view> arguments) {
  append(arguments);
  void* raw = nullptr;
  {
    SigpipeHeld held;
    if (redisGetReply(context_.get(), &raw) != REDIS_OK) fail("waiting for a reply");
  }
  Reply reply(static_cast<redisReply*>(raw));
  if (reply->type == REDIS_REPLY_ERROR)
    throw RedisError("Redis refused " + std::string(*arguments.begin()) + ": " +
                     describe_error_reply(*reply));
  return reply;
}

void Connection::send(std::initializer_list<std::string_view> arguments) {
  append(arguments);
  flush();
}

void Connection::read_available() {
  if (redisBufferRead(context_.get()) != REDIS_OK) fail("reading");
}

Reply Connection::next_reply() {
  void* raw = nullptr;
  if (redisGetReplyFromReader(context_.get(), &raw) != REDIS_OK) fail("reading a reply");
  return Reply(static_cast<redisReply*>(raw));
}

void Connection::append(std::initializer_list<std::string_view> arguments) {
  std::vector<const char*> pointers;
  std::vector<std::size_t> lengths;
  for (const auto argument : arguments) {
    pointers.push_back(argument.data());
    lengths.push_back(argument.size());
  }
  if (redisAppendCommandArgv(context_.get(), static_cast<int>(pointers.size()), pointers.data(),
                             lengths.data()) != REDIS_OK)
    fail("preparing a command");
}

void Connection::flush() {
  SigpipeHeld held;
  int done = 0;
  while (!done)
    if (redisBufferWrite(context_.get(), &done) != REDIS_OK) fail("writing");
}

void Connection::fail(std::string_view doing) const {
  const std::string reason = context_->errstr[0] != '\0' ? context_->errstr : "connection lost";
  throw RedisError(std::string(doing) + ": " + reason);
}

}  // namespace nicecream::events::redis
