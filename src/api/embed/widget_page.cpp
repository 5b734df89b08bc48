#include "api/embed/widget_page.hpp"

#include <span>
#include <stdexcept>

#include "api/common/xml_text.hpp"
#include "auth/base64.hpp"
#include "auth/digest.hpp"
#include "embed/embedded_file.hpp"

namespace nicecream::api::embedded {
std::span<const nicecream::EmbeddedFile> widget_files();
}

namespace nicecream::api {

namespace {

std::string_view widget_template() {
  for (const auto& file : embedded::widget_files())
    if (file.name == "widget.html") return file.text;
  throw std::logic_error("widget.html is not compiled in");
}

// The text between <tag> and </tag>, as the browser hashes it for the policy.
std::string_view inline_block(std::string_view page, std::string_view tag) {
  const auto open = "<" + std::string(tag) + ">";
  const auto close = "</" + std::string(tag) + ">";
  const auto start = page.find(open);
  const auto end = page.find(close, start);
  if (start == std::string_view::npos || end == std::string_view::npos)
    throw std::logic_error("widget.html lacks its <" + std::string(tag) + "> block");
  return page.substr(start + open.size(), end - start - open.size());
}

std::string policy_hash(std::string_view code) {
  return "'sha256-" + auth::encode_base64(auth::sha256(code)) + "'";
}

// Replaces each {{name}} by its value; the values are escaped already.
std::string fill(std::string_view page,
                 std::initializer_list<std::pair<std::string_view, std::string>> values) {
  std::string out;
  out.reserve(page.size() + 256);
  std::size_t at = 0;
  while (true) {
    const auto open = page.find("{{", at);
    if (open == std::string_view::npos) break;
    const auto close = page.find("}}", open);
    const auto name = page.substr(open + 2, close - open - 2);
    out.append(page.substr(at, open - at));
    for (const auto& [key, value] : values)
      if (key == name) out.append(value);
    at = close + 2;
  }
  out.append(page.substr(at));
  return out;
}

}  // namespace

WidgetPage::WidgetPage()
    : template_(widget_template()),
      script_hash_(policy_hash(inline_block(template_, "script"))),
      style_hash_(policy_hash(inline_block(template_, "style"))) {}

std::string WidgetPage::render(const WidgetContent& content) const {
  const auto title =
      content.latest_title.empty() ? std::string("Nothing recorded yet") : content.latest_title;
  return fill(template_, {{"name", xml_text(content.channel.name)},
                          {"title", xml_text(title)},
                          {"status", xml_text(widget_status_text(content.status))},
                          {"theme", xml_text(content.theme)},
                          {"channel_id", std::to_string(content.channel.id)},
                          {"event", xml_text(content.live_event_name)},
                          {"app", xml_text(content.app_link)},
                          {"oembed", xml_text(content.oembed_link)}});
}

std::string WidgetPage::content_security_policy(std::string_view frame_ancestors) const {
  return "default-src 'none'; script-src " + script_hash_ + "; style-src " + style_hash_ +
         "; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors " +
         std::string(frame_ancestors);
}

std::string widget_status_text(const domain::ChannelStatus& status) {
  switch (status.state) {
    case domain::ChannelState::failing:
      return "Unreachable: " + status.error;
    case domain::ChannelState::paused:
      return "Paused";
    case domain::ChannelState::pending:
      return "Not polled yet";
    case domain::ChannelState::ok:
      break;
  }
  return "Live";
}

}  // namespace nicecream::api
