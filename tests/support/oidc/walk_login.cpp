#include "support/oidc/walk_login.hpp"

#include <curl/curl.h>

#include <boost/url/parse.hpp>
#include <cstdlib>
#include <memory>
#include <regex>
#include <stdexcept>

namespace nicecream::test_support {
namespace {

std::string environment(const char* name, std::string_view fallback) {
  const char* value = std::getenv(name);
  return value != nullptr && *value != '\0' ? std::string(value) : std::string(fallback);
}

std::string origin_of(std::string_view url) {
  const auto parsed = boost::urls::parse_uri(url);
  if (!parsed) {
    throw std::runtime_error("not a URL: " + std::string(url));
  }
  return std::string(parsed->scheme()) + "://" + std::string(parsed->encoded_authority());
}

std::size_t collect(char* data, std::size_t size, std::size_t count, void* body) {
  static_cast<std::string*>(body)->append(data, size * count);
  return size * count;
}

struct Answer {
  long status = 0;
  std::string location;  // absolute
  std::string body;
};

// One browser: a libcurl handle whose in-memory cookie jar lives as long as it does.
class Browser {
 public:
  Browser() : curl_(curl_easy_init(), curl_easy_cleanup) {
    if (!curl_) {
      throw std::runtime_error("curl_easy_init failed");
    }
    curl_easy_setopt(curl_.get(), CURLOPT_COOKIEFILE, "");  // enables the cookie engine
    curl_easy_setopt(curl_.get(), CURLOPT_TIMEOUT, 10L);
    curl_easy_setopt(curl_.get(), CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl_.get(), CURLOPT_WRITEFUNCTION, collect);
  }

  Answer get(const std::string& url) {
    curl_easy_setopt(curl_.get(), CURLOPT_HTTPGET, 1L);
    return perform(url);
  }

  Answer post_form(const std::string& url, const std::string& body) {
    curl_easy_setopt(curl_.get(), CURLOPT_POST, 1L);
    curl_easy_setopt(curl_.get(), CURLOPT_COPYPOSTFIELDS, body.c_str());
    return perform(url);
  }

  std::string escape(const std::string& text) {
    std::unique_ptr<char, decltype(&curl_free)> escaped(
        curl_easy_escape(curl_.get(), text.c_str(), static_cast<int>(text.size())), curl_free);
    return escaped ? std::string(escaped.get()) : std::string();
  }

 private:
  Answer perform(const std::string& url) {
    Answer answer;
    curl_easy_setopt(curl_.get(), CURLOPT_URL, url.c_str());
    curl_easy_setopt(curl_.get(), CURLOPT_WRITEDATA, &answer.body);
    const auto result = curl_easy_perform(curl_.get());
    if (result != CURLE_OK) {
      throw std::runtime_error("GET/POST " + url + ": " + curl_easy_strerror(result));
    }
    curl_easy_getinfo(curl_.get(), CURLINFO_RESPONSE_CODE, &answer.status);
    char* location = nullptr;
    curl_easy_getinfo(curl_.get(), CURLINFO_REDIRECT_URL, &location);
    if (location != nullptr) {
      answer.location = location;
    }
    return answer;
  }

  std::unique_ptr<CURL, decltype(&curl_easy_cleanup)> curl_;
};

std::string form_action(const std::string& html) {
  static const std::regex action(R"re(<form[^>]*action="([^"]+)")re");
  std::smatch match;
  if (!std::regex_search(html, match, action)) {
    throw std::runtime_error("the provider's page has no form: " + html.substr(0, 300));
  }
  return match[1].str();
}

}  // namespace

std::optional<TestProvider> test_provider_from_environment() {
  const std::string issuer = environment("NICECREAM_TEST_OIDC_ISSUER", "");
  if (issuer.empty()) {
    return std::nullopt;
  }
  return TestProvider{
      .issuer = issuer,
      .client_id = environment("NICECREAM_TEST_OIDC_CLIENT_ID", "nicecream-test"),
      .client_secret = environment("NICECREAM_TEST_OIDC_CLIENT_SECRET",
                                   "nicecream-test-secret-0123456789abcdef"),
      .redirect_uri = environment("NICECREAM_TEST_OIDC_REDIRECT_URI",
                                  "http://127.0.0.1:8080/user/google/callback"),
  };
}

std::string walk_login(const std::string& authorization_url, const std::string& login) {
  const std::string provider = origin_of(authorization_url);
  Browser browser;
  Answer answer = browser.get(authorization_url);
  for (int step = 0; step < 10; ++step) {
    if (answer.status >= 300 && answer.status < 400 && !answer.location.empty()) {
      if (origin_of(answer.location) != provider) {
        return answer.location;
      }
      answer = browser.get(answer.location);
    } else if (answer.status == 200) {
      const std::string action = provider + form_action(answer.body);
      answer = browser.post_form(
          action, "prompt=login&login=" + browser.escape(login) + "&password=any-password");
    } else {
      throw std::runtime_error("the provider answered HTTP " + std::to_string(answer.status) +
                               ": " + answer.body.substr(0, 500));
    }
  }
  throw std::runtime_error("the provider kept redirecting");
}

std::map<std::string, std::string> query_parameters(std::string_view url) {
  std::map<std::string, std::string> parameters;
  const auto parsed = boost::urls::parse_uri_reference(url);
  if (!parsed) {
    throw std::runtime_error("not a URL: " + std::string(url));
  }
  for (const auto& parameter : parsed->params()) {
    parameters[parameter.key] = parameter.value;
  }
  return parameters;
}

}  // namespace nicecream::test_support
