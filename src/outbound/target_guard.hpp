#pragma once

#include <curl/curl.h>

#include <string>
#include <string_view>

#include "outbound/public_address.hpp"

namespace nicecream::outbound {

// The setting that lets outgoing requests reach loopback and private addresses (tests, a station
// on the operator's own network).
inline constexpr std::string_view kAllowPrivateTargetsVariable = "NICECREAM_ALLOW_PRIVATE_TARGETS";

// Checks every connection a curl handle opens (the first, each redirect's, each address of a name
// tried in turn) after DNS resolution, and refuses non-public addresses unless private targets are
// allowed. Must outlive the handle's transfers.
class TargetGuard {
 public:
  // Which addresses count as public: is_public_address everywhere but in the guard's own tests,
  // which call some loopback addresses public to stand in for a public station (nothing public
  // is reachable there). Not reachable from any setting.
  using AddressClassifier = bool (*)(const sockaddr* address);

  explicit TargetGuard(bool allow_private, AddressClassifier is_public = &is_public_address)
      : allow_private_(allow_private), is_public_(is_public) {}
  TargetGuard(const TargetGuard&) = delete;
  TargetGuard& operator=(const TargetGuard&) = delete;

  void install(CURL* handle);
  // Why a connection was refused, naming the address and the setting; empty when none was.
  const std::string& refusal() const { return refusal_; }

 private:
  static curl_socket_t open_socket(void* self, curlsocktype purpose, curl_sockaddr* address);

  bool allow_private_;
  AddressClassifier is_public_;
  std::string refusal_;
};

}  // namespace nicecream::outbound
