#include "push/vapid_header.hpp"

#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>
#include <stdexcept>

#include "auth/base64.hpp"
#include "auth/jws_algorithm.hpp"

namespace nicecream::push {
namespace {

std::string encoded_json(const boost::json::value& value) {
  return auth::encode_base64url(boost::json::serialize(value), auth::Padding::without);
}

}  // namespace

std::string vapid_authorization(const VapidKey& key, std::string_view audience,
                                std::string_view subject,
                                std::chrono::system_clock::time_point now) {
  const auto expiry = std::chrono::duration_cast<std::chrono::seconds>(
      (now + kVapidTokenLifetime).time_since_epoch());
  const auto signing_input =
      encoded_json({{"typ", "JWT"}, {"alg", "ES256"}}) + "." +
      encoded_json({{"aud", audience}, {"exp", expiry.count()}, {"sub", subject}});
  const auto signature = auth::sign_es256(key.key(), signing_input);
  if (!signature) throw std::runtime_error("cannot sign the VAPID token");
  return "vapid t=" + signing_input + "." +
         auth::encode_base64url(*signature, auth::Padding::without) + ", k=" + key.public_key();
}

}  // namespace nicecream::push
