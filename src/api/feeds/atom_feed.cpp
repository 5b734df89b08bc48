#include "api/feeds/atom_feed.hpp"

#include "api/common/xml_text.hpp"
#include "domain/timestamp.hpp"

namespace nicecream::api {

namespace {

std::string element(std::string_view name, std::string_view text) {
  return "<" + std::string(name) + ">" + xml_text(text) + "</" + std::string(name) + ">";
}

std::string link(std::string_view rel, std::string_view type, std::string_view href) {
  return "<link rel=\"" + std::string(rel) + "\" type=\"" + std::string(type) + "\" href=\"" +
         xml_text(href) + "\"/>";
}

std::string write_entry(const AtomEntry& entry) {
  return "<entry>" + element("id", entry.id) + element("title", entry.title) +
         element("updated", domain::format_timestamp(entry.updated)) +
         link("alternate", "text/html", entry.link) + element("summary", entry.summary) +
         "</entry>\n";
}

}  // namespace

std::string write_atom(const AtomFeed& feed) {
  std::string document =
      "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
      "<feed xmlns=\"http://www.w3.org/2005/Atom\">\n" +
      element("id", feed.id) + element("title", feed.title) +
      element("updated", domain::format_timestamp(feed.updated)) +
      link("self", "application/atom+xml", feed.self) +
      link("alternate", "text/html", feed.alternate) +
      "<author><name>Nicecream</name></author><generator>nicecream</generator>\n";
  for (const auto& entry : feed.entries) document += write_entry(entry);
  return document + "</feed>\n";
}

}  // namespace nicecream::api
