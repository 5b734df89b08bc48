#include "outbound/target_guard.hpp"

#include <sys/socket.h>

#include "outbound/public_address.hpp"

namespace nicecream::outbound {

void TargetGuard::install(CURL* handle) {
  if (allow_private_) return;
  curl_easy_setopt(handle, CURLOPT_OPENSOCKETFUNCTION, &TargetGuard::open_socket);
  curl_easy_setopt(handle, CURLOPT_OPENSOCKETDATA, this);
}

// Runs where curl would call socket(): the address is the resolved one it is about to connect to,
// so a name that resolves (or later re-resolves) to a private address is caught here.
curl_socket_t TargetGuard::open_socket(void* self, curlsocktype, curl_sockaddr* address) {
  auto& guard = *static_cast<TargetGuard*>(self);
  if (!guard.is_public_(&address->addr)) {
    guard.refusal_ = "refused private address " + address_text(&address->addr) + " (set " +
                     std::string(kAllowPrivateTargetsVariable) + "=true to allow)";
    return CURL_SOCKET_BAD;
  }
  return socket(address->family, address->socktype, address->protocol);
}

}  // namespace nicecream::outbound
