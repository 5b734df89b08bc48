#pragma once

#include <string>
#include <string_view>

#include "domain/channel_status.hpp"
#include "domain/models.hpp"

namespace nicecream::api {

// What the embeddable now-playing page of one channel shows.
struct WidgetContent {
  domain::Channel channel;
  domain::ChannelStatus status;
  std::string latest_title;  // empty: nothing recorded yet
  std::string_view theme;    // light, dark or auto (the viewer's preference)
  std::string_view live_event_name;
  std::string app_link;     // the channel in the web app
  std::string oembed_link;  // its oEmbed answer, for discovery
};

// The page (widget.html, compiled in): no framework, its style and script inline, live over the
// history stream. Every value is escaped into the page; the script and style never change, so
// the Content-Security-Policy names them by hash instead of allowing inline code in general.
class WidgetPage {
 public:
  WidgetPage();

  std::string render(const WidgetContent& content) const;
  // `frame_ancestors`: who may frame it (API_EMBED_ORIGINS).
  std::string content_security_policy(std::string_view frame_ancestors) const;

 private:
  std::string_view template_;
  std::string script_hash_;  // 'sha256-…' of the inline script
  std::string style_hash_;   // and of the inline style
};

// The status line under the title, as the app's now-playing card says it.
std::string widget_status_text(const domain::ChannelStatus& status);

}  // namespace nicecream::api
