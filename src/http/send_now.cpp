#include "http/send_now.hpp"

#include <sys/socket.h>

#include <cerrno>

namespace nicecream::http {

SendResult send_now(int socket, std::string_view bytes) {
  while (true) {
    const auto sent = ::send(socket, bytes.data(), bytes.size(), MSG_DONTWAIT | MSG_NOSIGNAL);
    if (sent >= 0) return {.sent = static_cast<std::size_t>(sent)};
    if (errno == EINTR) continue;
    if (errno == EAGAIN || errno == EWOULDBLOCK) return {};
    return {.failed = true};
  }
}

}  // namespace nicecream::http
