#include "api/channels/channel_body.hpp"

#include <string_view>

#include "domain/channel_rules.hpp"

namespace nicecream::api {

namespace {

constexpr std::string_view kPausedField = "paused";
constexpr std::size_t kMaxFieldBytes = 2048;

std::optional<std::string>* text_field(ChannelFields& fields, std::string_view name) {
  if (name == "name") return &fields.name;
  if (name == "url") return &fields.url;
  if (name == "format") return &fields.format;
  if (name == "title_pointer") return &fields.title_pointer;
  return nullptr;
}

void read_text(const boost::json::value& value, std::string_view name,
               std::optional<std::string>& field, domain::ValidationErrors& errors) {
  if (!value.is_string()) return errors.add("body", name, "Not a valid string.");
  if (value.get_string().size() > kMaxFieldBytes)
    return errors.add("body", name, "Longer than " + std::to_string(kMaxFieldBytes) + " bytes.");
  field = std::string(value.get_string());
}

}  // namespace

ChannelFields read_channel_fields(const boost::json::object& body, ChannelBodyKind kind,
                                  domain::ValidationErrors& errors) {
  ChannelFields fields;
  const bool create = kind == ChannelBodyKind::create;
  const bool probe = kind == ChannelBodyKind::probe;
  for (const auto& entry : body) {
    const std::string_view key = entry.key();
    auto* field = text_field(fields, key);
    if (field != nullptr && !(probe && key == "name")) {
      read_text(entry.value(), key, *field, errors);
    } else if (key == kPausedField && kind == ChannelBodyKind::change) {
      if (entry.value().is_bool())
        fields.paused = entry.value().get_bool();
      else
        errors.add("body", key, "Not a valid boolean.");
    } else {
      errors.add("body", key, std::string(domain::messages::unknown_field));
    }
  }
  if (create || probe) {
    for (const auto required : {"name", "url"})
      if (!body.contains(required) && !(probe && std::string_view(required) == "name"))
        errors.add("body", required, std::string(domain::messages::required));
  } else if (body.empty()) {
    errors.add("body", "_schema", "Send at least one of name, url, format, title_pointer, paused.");
  }
  return fields;
}

domain::Channel with_fields(domain::Channel channel, const ChannelFields& fields) {
  if (fields.name) channel.name = *fields.name;
  if (fields.url) channel.url = *fields.url;
  if (fields.format) channel.format = *fields.format;
  if (fields.title_pointer) channel.title_pointer = *fields.title_pointer;
  if (fields.paused) channel.paused = *fields.paused;
  return channel;
}

void check_channel(const domain::Channel& channel, domain::ValidationErrors& errors) {
  const domain::NewChannel candidate{channel.name, channel.url, channel.format,
                                     channel.title_pointer};
  for (const auto& problem : domain::channel_problems(candidate))
    errors.add("body", problem.field, problem.message);
}

}  // namespace nicecream::api
