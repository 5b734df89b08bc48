#include "support/postgres/private_server.hpp"

#include <sys/wait.h>

#include <cstdio>
#include <cstdlib>
#include <stdexcept>

#include "support/source_tree.hpp"

namespace nicecream::support::postgres {

namespace {

std::string script(const std::string& name) {
  return nicecream::testing::source_path("tests/support/postgres/" + name);
}

// Runs one of our scripts (arguments are paths and numbers we made, no quoting needed) and
// returns its standard output; its standard error goes to the test's. Throws when it fails.
std::string run_script(const std::string& command_line) {
  FILE* pipe = ::popen(command_line.c_str(), "r");
  if (pipe == nullptr) throw std::runtime_error("cannot run " + command_line);
  std::string output;
  char chunk[512];
  while (const auto read = std::fread(chunk, 1, sizeof chunk, pipe)) output.append(chunk, read);
  const int status = ::pclose(pipe);
  if (status == -1 || !WIFEXITED(status) || WEXITSTATUS(status) != 0)
    throw std::runtime_error(command_line + " failed:\n" + output);
  while (!output.empty() && output.back() == '\n') output.pop_back();
  return output;
}

}  // namespace

PrivateServer::PrivateServer(std::uint16_t port)
    : dir_(run_script(script("control.sh") + " init")), port_(port) {}

PrivateServer::~PrivateServer() {
  try {
    if (frozen_) thaw();
    run_script(script("stop.sh") + " " + dir_);
  } catch (const std::exception& error) {
    std::fprintf(stderr, "PrivateServer: %s\n", error.what());
  }
}

void PrivateServer::start() {
  run_script(script("control.sh") + " start " + dir_ + " " + std::to_string(port_));
}

void PrivateServer::stop(StopMode mode) {
  run_script(script("control.sh") + " stop " + dir_ + " " +
             (mode == StopMode::fast ? "fast" : "immediate"));
}

void PrivateServer::freeze() {
  run_script(script("control.sh") + " freeze " + dir_);
  frozen_ = true;
}

void PrivateServer::thaw() {
  run_script(script("control.sh") + " thaw " + dir_);
  frozen_ = false;
}

std::string PrivateServer::conninfo(const std::string& database) const {
  return "host=127.0.0.1 port=" + std::to_string(port_) + " dbname=" + database + " user=nicecream";
}

}  // namespace nicecream::support::postgres
