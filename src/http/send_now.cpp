#include "http/send_now.hpp"

#include <sys/socket.h>
#include <sys/uio.h>

#include <algorithm>
#include <array>
#include <cerrno>

namespace nicecream::http {

namespace {

template <class Send>
SendResult without_waiting(Send send) {
  while (true) {
    const auto sent = send();
    if (sent >= 0) return {.sent = static_cast<std::size_t>(sent)};
    if (errno == EINTR) continue;
    if (errno == EAGAIN || errno == EWOULDBLOCK) return {};
    return {.failed = true};
  }
}

}  // namespace

SendResult send_now(int socket, std::string_view bytes) {
  return without_waiting(
      [&] { return ::send(socket, bytes.data(), bytes.size(), MSG_DONTWAIT | MSG_NOSIGNAL); });
}

SendResult send_now(int socket, std::span<const std::string_view> pieces) {
  std::array<iovec, kMostSentPieces> vectors{};
  const auto count = std::min(pieces.size(), kMostSentPieces);
  for (std::size_t i = 0; i < count; ++i)
    vectors[i] = {const_cast<char*>(pieces[i].data()), pieces[i].size()};  // sendmsg only reads
  msghdr message{};
  message.msg_iov = vectors.data();
  message.msg_iovlen = count;
  return without_waiting([&] { return ::sendmsg(socket, &message, MSG_DONTWAIT | MSG_NOSIGNAL); });
}

}  // namespace nicecream::http
