#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "domain/models.hpp"

namespace nicecream::api {

struct AtomEntry {
  std::string id;  // an absolute IRI that never changes (urn:nicecream:history:<item id>)
  std::string title;
  domain::Timestamp updated{};
  std::string link;  // the app's page for it
  std::string summary;
};

struct AtomFeed {
  std::string id;
  std::string title;
  std::string self;       // this feed's URL
  std::string alternate;  // the app's page showing the same
  domain::Timestamp updated{};
  std::vector<AtomEntry> entries;
};

// The media type an Atom document is served as.
inline constexpr std::string_view kAtomType = "application/atom+xml; charset=utf-8";

// An Atom 1.0 document (RFC 4287), every text XML-escaped.
std::string write_atom(const AtomFeed& feed);

}  // namespace nicecream::api
