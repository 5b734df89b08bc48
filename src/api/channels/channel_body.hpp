#pragma once

#include <boost/json/object.hpp>
#include <optional>
#include <string>

#include "domain/models.hpp"
#include "domain/validation.hpp"

namespace nicecream::api {

// The fields of a POST or PATCH /channels body that were sent.
struct ChannelFields {
  std::optional<std::string> name;
  std::optional<std::string> url;
  std::optional<std::string> format;
  std::optional<std::string> title_pointer;
  std::optional<bool> paused;
};

enum class ChannelBodyKind {
  create,  // name and url required; paused not accepted (a new channel is polled)
  change,  // any of the five, at least one
  probe,   // url required; format and title_pointer optional (POST /channels/probe)
};

// Reads the body's fields with their JSON types checked; unknown fields, wrong types and missing
// required ones are recorded under "body".
ChannelFields read_channel_fields(const boost::json::object& body, ChannelBodyKind kind,
                                  domain::ValidationErrors& errors);

// `channel` with the fields sent written over it.
domain::Channel with_fields(domain::Channel channel, const ChannelFields& fields);

// The channel rules (domain/channel_rules.hpp, as the CLI checks them), recorded under "body".
void check_channel(const domain::Channel& channel, domain::ValidationErrors& errors);

}  // namespace nicecream::api
