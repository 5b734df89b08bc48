#pragma once

#include <cstddef>
#include <span>
#include <string_view>

namespace nicecream::http {

struct SendResult {
  std::size_t sent = 0;  // bytes the kernel took; 0 when the send buffer was full
  bool failed = false;   // the peer is gone (or the socket is otherwise unusable)
};

// One send(2) of `bytes` on a connected socket without waiting and without SIGPIPE. Safe from any
// thread: it touches the descriptor only, not the Asio socket object that owns it, so the owner
// must guarantee the descriptor stays open meanwhile (see EventStream::direct_socket).
SendResult send_now(int socket, std::string_view bytes);

// The same for several pieces back to back, in one sendmsg(2); at most kMostSentPieces of them
// (the rest are not sent, as if the socket had taken no more).
inline constexpr std::size_t kMostSentPieces = 64;
SendResult send_now(int socket, std::span<const std::string_view> pieces);

}  // namespace nicecream::http
