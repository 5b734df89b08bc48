#include "support/fixed_keys.hpp"

#include <openssl/pem.h>

#include <stdexcept>

#include "auth/jwk.hpp"

namespace nicecream::fuzz {
namespace {

// Made once with `openssl genpkey`, for fuzzing only: fixed, so a seed token signed with them
// stays valid from run to run. They sign nothing outside this folder.
constexpr std::string_view kRsaPem = R"(-----BEGIN PRIVATE KEY-----
MIIEvAIBADANBgkqhkiG9w0BAQEFAASCBKYwggSiAgEAAoIBAQDP0G2i1aGPY19d
0pjl+SS31SxtIZEvLYAb2O8A1YNJK5oG/ONfDNlsw260KuYtrjj0ozjz4rUx37Ug
whxzbU/iFipO1RMjnpGnexmYTEBjcCwTZMmQ0vGYr5nYHxyiU1G2A5UwQFIHvj9K
fDDVtkLvPt+u/1tFn+MFRlXZ1ClUcQijMOQO5smhhe+8Rm2c8+UBUuLR/daV4Dg0
N1izv+o8tLl7gLRiA3aZ6gHdKiJtlcWdaCCdGUd9fFRmFXBXzBy677EVw2Tndxqk
TsDa58yplsK8BuP0LKj8rFTcsbNmvyIsfMICFgYqYaNTB3b9OzQTEvxk71gHBqeT
N4f63KVtAgMBAAECggEAHvbabynPsdLHse4gNBwEWZPc08HtpQ7tiLixG/m0XyGt
CJ+DrXT3rJoOE7BUrbfI6sKrSMOd5fmEPoZNwPEntvNAiJB9EpCc+UyBSs0Jxwc+
ugEJe5fCwdJgZPB1zsYFZc5w20iqMFcrjQimKiHHJWjD4YpQ6jXhmLabMiLHqboM
2ylxvTFlLnPOuwScblF5nA0YT06DLbweWZMjyWnFWsgJIdUPZuxqUjayjf3k6PEx
wTqt6AN9TKXmo5mrzH/fxf8SFn/a7+2kEva+gQNFP1ait0U5ALT7Q44hqdPR0Vnr
ouIQcciQ4ZkVcxH7gkJQMvQs8yM6bYk9P/q1XREDwQKBgQD9RCaGem0h3Dzyhzq6
05kS4QLxchcCmmfVGa7og86IquGY1qLDGknZbVz9F7QDCClx8mU8qT9o+f64UqPg
9+mZ9xD18UJPfF9YQDqahMscGRdr4RhE4tDf6mDDDj+nMDkp4PLePU027ILgw+oX
js+nchdDkUdP3WpDg0s13hITXQKBgQDSDq4qi/pJr2UdOLuzjHUQo0Ty6Sx4sQJB
WGqRknLDeOIL9oZmn69N/CfN73lZjDhf36RMnXwjdVQnjv3pFNzrbE/7dj9ZOAI8
Ynv6uB0aMwOSXkAD3tcvbmHE0vEnDcOhZNhR0+krQX0oAt+lG3ojwe1U9ibt2QgK
KVqTmytJUQKBgGW9ddh539NFXPp0loQssoZh+8OweEvkaSezDI99O3+tXbj/KB1G
Nzpv83X8iqTZJ4UNwdtvhfiOzOOQ1yJtlNrz5E1YYLH7nXWfP6uJAurDraP5pb0u
fIgm6D4TQEDSX3RSWF4stBMHScAvE5/pD8QNUgkjmEkeAi0i1hjKn+pFAoGAT3m2
c+qaPB7chv3cJsbR1AWyJKYMaW2viMHHMGTUfxjRje0sVM++KCdreANPSo4/Ficr
psE/IrtVp9H2R6XZIEnOyTmoJj2GuwoYFnhqqmr6wvpeBhjeGdgNrcaR71DJ39qj
7fHbmr4geG795x5KTBUnkqm/eOZQoGedGZPwAMECgYBwliZ+orqNWAwv5bjxSmah
P3kqEOFTU0/fCzdTBZ/wHMEA0vjQfFJGL5pXIEAVuN8xwLOQ4NyxdvyCWKWGNKWj
2mkM4dM1qenF6eK3E/N8Xph+jranp0+CUrKg5blS8tI2ql2zo6Uou1UbaaMC7Ixh
5torogbtDOt6eA91lB4jVw==
-----END PRIVATE KEY-----
)";

constexpr std::string_view kEcPem = R"(-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgrzF/1SrLjVQ3DFar
xv7pTlrfBkIqarjqGQTTHF4VaqyhRANCAAQZ0IYjyv5toCl6Y5NxextYLxbYfVRQ
Mwy7YipL/O+N8ZcfTdyTxaDoT+C+3yj+s+KeI7xTHpM4NpcERn5oPMVM
-----END PRIVATE KEY-----
)";

auth::EvpPkeyPtr read_private_key(std::string_view pem) {
  const std::unique_ptr<BIO, decltype(&BIO_free)> bio(
      BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())), BIO_free);
  auth::EvpPkeyPtr key(bio ? PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr)
                           : nullptr);
  if (!key) throw std::runtime_error("cannot read a fixed fuzzing key");
  return key;
}

}  // namespace

const FixedKeys& fixed_keys() {
  static const FixedKeys keys = [] {
    FixedKeys made{
        .rsa = {"RS256", std::string(kRsaKid), read_private_key(kRsaPem)},
        .ec = {"ES256", std::string(kEcKid), read_private_key(kEcPem)},
        .jwks_document = {},
        .jwks = {},
    };
    made.jwks_document = auth::testing::jwks_json({&made.rsa, &made.ec});
    made.jwks = *auth::parse_jwks(made.jwks_document);
    return made;
  }();
  return keys;
}

}  // namespace nicecream::fuzz
