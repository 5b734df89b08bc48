#pragma once

#include <boost/json.hpp>
#include <fstream>
#include <string>

#include "integration/api/server_fixture.hpp"
#include "support/python_fernet.hpp"
#include "support/source_tree.hpp"

namespace nicecream::testing {

// What tests/support/formats/read_download.py made of a file (`kind`: csv, ndjson, atom, xspf):
// the parsers other programs use, not ours. A file they refuse fails the test with their reason.
inline boost::json::value read_download(const TempDir& scratch, const std::string& kind,
                                        const std::string& body) {
  const auto path = scratch.path() / ("download." + kind);
  std::ofstream(path, std::ios::binary) << body;
  const auto command = python_command() + " " +
                       source_path("tests/support/formats/read_download.py") + " " + kind + " " +
                       path.string() + " 2>&1";
  std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(command.c_str(), "r"), pclose);
  std::string output;
  std::array<char, 4096> buffer{};
  while (const auto n = std::fread(buffer.data(), 1, buffer.size(), pipe.get()))
    output.append(buffer.data(), n);
  const int status = pclose(pipe.release());
  if (status != 0)
    throw std::runtime_error(kind + " refused by the reference parser (" + command +
                             "): " + output);
  return boost::json::parse(output);
}

// A running server on each engine, with history recorded as the crawler would.
class DownloadTest : public OnEachEngine<ServerTest> {
 protected:
  void SetUp() override { start(); }

  domain::HistoryItem record(domain::Id channel, const std::string& title) {
    return *store().record_title(channel, title, domain::now()).inserted;
  }
  // One request on a connection of its own (downloads end with the connection).
  HttpResponse download(const std::string& target,
                        const std::map<std::string, std::string>& headers = {}) {
    HttpClient fresh(server->port());
    return fresh.get(target, headers);
  }

  TempDir scratch;
};

}  // namespace nicecream::testing
