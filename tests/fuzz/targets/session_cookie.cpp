// The session cookie, both ways an attacker can reach it: the Cookie header as sent (parsed,
// the session cookie found, its Fernet token opened with a fixed key), and any plaintext sealed
// under our key (what session_from_json must survive if the key ever leaked).
#include <chrono>

#include "auth/cookies.hpp"
#include "auth/fernet.hpp"
#include "auth/session_cookies.hpp"
#include "support/check.hpp"
#include "support/input.hpp"

using namespace nicecream;

namespace {

// The Fernet spec's test key; the seeds' tokens are sealed with it at kNow.
constexpr std::string_view kKey = "cw_0x689RpI-jtRR7oE8h_eQsKImvJapLeSbXpwF4e4=";
const domain::Timestamp kNow{std::chrono::seconds(1'800'000'000)};
const std::string kIv(16, 'v');
// Sealed, larger plaintexts outgrow the 4 KB a cookie may hold, which the codec refuses.
constexpr std::size_t kMaxPlaintextBytes = 2048;

void check_cookie_header(const auth::SessionCookies& cookies, std::string_view header) {
  for (const auto& [name, value] : auth::parse_cookie_header(header)) {
    fuzz::require(!name.empty(), "a parsed cookie has a name");
    fuzz::require(name.find(';') == std::string::npos && value.find(';') == std::string::npos,
                  "a parsed cookie holds no separator");
  }
  if (const auto session = cookies.read(header, kNow))
    fuzz::require(!session->user_id || *session->user_id >= 1, "a session's user id is >= 1");
}

void check_sealed_plaintext(const auth::SessionCookies& cookies, const auth::Fernet& fernet,
                            std::string_view plaintext) {
  if (plaintext.size() > kMaxPlaintextBytes) return;
  const auto token = fernet.encrypt_with_iv(plaintext, kNow, kIv);
  const auto header = "other=1; " + std::string(auth::kSessionCookieName) + "=" + token;
  const auto session = cookies.read(header, kNow);
  fuzz::require(session == auth::session_from_json(plaintext),
                "an intact cookie holds what session_from_json reads");
  if (!session) return;
  const auto again = auth::session_from_json(auth::session_to_json(*session));
  fuzz::require(again == session, "a session survives a round trip through JSON");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const auth::SessionCookies cookies(auth::parse_fernet_key(kKey), {});
  static const auth::Fernet fernet(auth::parse_fernet_key(kKey));
  const auto input = fuzz::as_text(data, size);
  check_cookie_header(cookies, input);
  check_sealed_plaintext(cookies, fernet, input);
  return 0;
}
