#pragma once

#include <cstddef>
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

}  // namespace nicecream::http
