#include "integration/events/redis_server.hpp"

#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <stdexcept>
#include <string>
#include <thread>

#include "events/redis/connection.hpp"

namespace nicecream::testing {

std::uint16_t free_port() {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t length = sizeof address;
  if (fd < 0 || ::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
      ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) != 0)
    throw std::runtime_error("cannot find a free loopback port");
  ::close(fd);
  return ntohs(address.sin_port);
}

RedisServer::RedisServer() : port_(free_port()) {
  char pattern[] = "/tmp/nicecream-redis-test-XXXXXX";
  if (!::mkdtemp(pattern)) throw std::runtime_error("cannot make a directory for redis-server");
  dir_ = pattern;
}

RedisServer::~RedisServer() {
  kill();
  std::filesystem::remove_all(dir_);
}

void RedisServer::start() {
  if (pid_ > 0) return;
  const auto port = std::to_string(port_);
  const auto log = (dir_ / "redis.log").string();
  pid_ = ::fork();
  if (pid_ < 0) throw std::runtime_error("fork failed");
  if (pid_ == 0) {
    ::execlp("redis-server", "redis-server", "--bind", "127.0.0.1", "--port", port.c_str(),
             "--save", "", "--appendonly", "no", "--dir", dir_.c_str(), "--logfile", log.c_str(),
             static_cast<char*>(nullptr));
    ::_exit(127);
  }
  events::redis::RedisSettings settings;
  settings.host = "127.0.0.1";
  settings.port = port_;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  while (std::chrono::steady_clock::now() < deadline) {
    int status = 0;
    if (::waitpid(pid_, &status, WNOHANG) == pid_) {
      pid_ = -1;
      throw std::runtime_error(
          "redis-server did not start (is the redis-server package "
          "installed?); see " +
          log);
    }
    try {
      events::redis::Connection(settings).command({"PING"});
      return;
    } catch (const events::redis::RedisError&) {
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
  }
  throw std::runtime_error("redis-server on port " + port + " did not answer PING; see " + log);
}

void RedisServer::kill() {
  if (pid_ <= 0) return;
  ::kill(pid_, SIGKILL);
  ::waitpid(pid_, nullptr, 0);
  pid_ = -1;
}

}  // namespace nicecream::testing
