#include "auth/id_token.hpp"

#include <cmath>
#include <cstdint>
#include <optional>

#include "auth/constant_time.hpp"
#include "auth/jws.hpp"
#include "auth/unix_time.hpp"

namespace nicecream::auth {
namespace {

namespace json = boost::json;

// A NumericDate: seconds since the epoch, integer or not (RFC 7519 §2).
std::optional<std::int64_t> numeric_date(const json::object& claims, std::string_view name,
                                         bool& malformed) {
  const auto* value = claims.if_contains(name);
  if (value == nullptr) {
    return std::nullopt;
  }
  double seconds = 0;
  if (value->is_int64()) {
    seconds = static_cast<double>(value->get_int64());
  } else if (value->is_uint64()) {
    seconds = static_cast<double>(value->get_uint64());
  } else if (value->is_double()) {
    seconds = value->get_double();
  } else {
    malformed = true;
    return std::nullopt;
  }
  if (!std::isfinite(seconds) ||
      std::fabs(seconds) > static_cast<double>(kLatestPlausibleUnixSeconds)) {
    malformed = true;
    return std::nullopt;
  }
  return static_cast<std::int64_t>(std::floor(seconds));
}

const json::string* string_claim(const json::object& claims, std::string_view name) {
  const auto* value = claims.if_contains(name);
  return value != nullptr && value->is_string() ? &value->get_string() : nullptr;
}

std::optional<SignInError> check_header(const json::object& header) {
  if (header.contains("crit")) {
    return SignInError::malformed;  // we understand no extensions, so must refuse them
  }
  const auto* kid = header.if_contains("kid");
  if (kid != nullptr && !kid->is_string()) {
    return SignInError::malformed;
  }
  return std::nullopt;
}

std::optional<SignInError> check_audience(const json::object& claims, std::string_view client_id) {
  const auto* aud = claims.if_contains("aud");
  bool ours = false;
  std::size_t audiences = 0;
  if (aud != nullptr && aud->is_string()) {
    audiences = 1;
    ours = aud->get_string() == client_id;
  } else if (aud != nullptr && aud->is_array()) {
    for (const auto& entry : aud->get_array()) {
      if (!entry.is_string()) {
        return SignInError::malformed;
      }
      ++audiences;
      ours = ours || entry.get_string() == client_id;
    }
  } else if (aud != nullptr) {
    return SignInError::malformed;
  }
  if (!ours) {
    return SignInError::wrong_audience;
  }
  const auto* azp = claims.if_contains("azp");
  if (azp != nullptr ? !azp->is_string() || azp->get_string() != client_id : audiences > 1) {
    return SignInError::wrong_authorized_party;
  }
  return std::nullopt;
}

std::optional<SignInError> check_times(const json::object& claims, domain::Timestamp now,
                                       std::chrono::seconds leeway) {
  bool malformed = false;
  const auto exp = numeric_date(claims, "exp", malformed);
  const auto iat = numeric_date(claims, "iat", malformed);
  const auto nbf = numeric_date(claims, "nbf", malformed);
  if (malformed || !exp || !iat) {
    return SignInError::malformed;
  }
  const std::int64_t current = unix_seconds(now);
  if (current > *exp + leeway.count()) {
    return SignInError::expired;
  }
  if (*iat > current + leeway.count()) {
    return SignInError::issued_in_future;
  }
  if (nbf && *nbf > current + leeway.count()) {
    return SignInError::not_yet_valid;
  }
  return std::nullopt;
}

std::optional<SignInError> check_claims(const json::object& claims,
                                        const IdTokenExpectations& expected) {
  const auto* iss = string_claim(claims, "iss");
  if (iss == nullptr || *iss != expected.issuer) {
    return SignInError::wrong_issuer;
  }
  if (auto error = check_audience(claims, expected.client_id)) {
    return error;
  }
  if (auto error = check_times(claims, expected.now, expected.leeway)) {
    return error;
  }
  const auto* nonce = string_claim(claims, "nonce");
  if (expected.nonce.empty() || nonce == nullptr || !constant_time_equal(*nonce, expected.nonce)) {
    return SignInError::nonce_mismatch;
  }
  const auto* sub = string_claim(claims, "sub");
  if (sub == nullptr || sub->empty()) {
    return SignInError::missing_subject;
  }
  return std::nullopt;
}

}  // namespace

SignInResult<json::object> verify_id_token(std::string_view token, const JwkSet& keys,
                                           const IdTokenExpectations& expected) {
  auto jws = parse_compact_jws(token);
  if (!jws) {
    return SignInError::malformed;
  }
  const auto* alg_name = string_claim(jws->header, "alg");
  const auto algorithm =
      alg_name != nullptr ? parse_jws_algorithm(*alg_name) : std::optional<JwsAlgorithm>{};
  if (!algorithm) {
    return SignInError::unsupported_algorithm;
  }
  if (auto error = check_header(jws->header)) {
    return *error;
  }
  const auto* kid = string_claim(jws->header, "kid");
  const Jwk* key = select_key(keys, kid != nullptr ? std::string_view(*kid) : "", *algorithm);
  if (key == nullptr) {
    return SignInError::unknown_key;
  }
  if (!verify_jws_signature(*algorithm, key->key.get(), jws->signing_input, jws->signature)) {
    return SignInError::bad_signature;
  }
  if (auto error = check_claims(jws->payload, expected)) {
    return *error;
  }
  return std::move(jws->payload);
}

}  // namespace nicecream::auth
