#include "cli/command_output.hpp"

#include <iostream>
#include <stdexcept>

namespace nicecream::cli {

CommandOutput::CommandOutput(std::string path) : path_(std::move(path)) {
  if (path_.empty()) return;
  file_.open(path_, std::ios::binary | std::ios::trunc);
  if (!file_) throw std::runtime_error("cannot write " + path_);
}

std::ostream& CommandOutput::stream() {
  return path_.empty() ? std::cout : file_;
}

void CommandOutput::finish() {
  auto& out = stream();
  out.flush();
  if (!out)
    throw std::runtime_error("writing " + (path_.empty() ? "the output" : path_) + " failed");
}

}  // namespace nicecream::cli
