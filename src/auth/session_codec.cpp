#include "auth/session_codec.hpp"

namespace nicecream::auth {
namespace {

// Browsers keep at most about 4 KB per cookie; anything longer is not one of ours.
constexpr std::size_t kMaxSealedBytes = 4096;

}  // namespace

std::string SessionCodec::seal(const Session& session, domain::Timestamp now) const {
  return fernet_.encrypt(session_to_json(session), now);
}

std::optional<Session> SessionCodec::open(std::string_view sealed, domain::Timestamp now) const {
  if (sealed.empty() || sealed.size() > kMaxSealedBytes) {
    return std::nullopt;
  }
  const auto json = fernet_.decrypt(sealed, max_age_, now);
  if (!json) {
    return std::nullopt;
  }
  return session_from_json(*json);
}

}  // namespace nicecream::auth
