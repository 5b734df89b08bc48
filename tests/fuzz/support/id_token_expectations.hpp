#pragma once

#include <boost/json/object.hpp>

#include "auth/id_token.hpp"

namespace nicecream::fuzz {

// The sign-in the fuzzed ID tokens answer: issuer, client and nonce as in the seeds.
inline constexpr std::string_view kIssuer = "http://127.0.0.1:9999";
inline constexpr std::string_view kClientId = "nicecream-fuzz";
inline constexpr std::string_view kNonce = "fuzz-nonce-1";
inline constexpr std::int64_t kNowSeconds = 1'800'000'000;

auth::IdTokenExpectations id_token_expectations();

// What verify_id_token promises of claims it accepts, and that a user can be made from them.
// Aborts when a promise is broken.
void require_accepted_claims(const boost::json::object& claims);

}  // namespace nicecream::fuzz
