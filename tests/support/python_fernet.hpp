#pragma once

// Python's `cryptography` (Debian: python3-cryptography), the library the original service
// sealed its cookies with, run from tests: /usr/bin/python3, or NICECREAM_PYTHON.
#include <array>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>

namespace nicecream::testing {

inline std::string python_command() {
  const char* configured = std::getenv("NICECREAM_PYTHON");
  return configured != nullptr && *configured != '\0' ? configured : "/usr/bin/python3";
}

struct PythonOutcome {
  int status = -1;
  std::string output;  // stdout and stderr
};

// Runs a Python snippet (no single quotes in it) after `from cryptography.fernet import Fernet`,
// with os, sys, json and time imported. Inputs travel in environment variables FERNET_KEY and
// FERNET_DATA, so nothing needs quoting.
inline PythonOutcome run_fernet_python(const std::string& code, const std::string& key,
                                       const std::string& data) {
  setenv("FERNET_KEY", key.c_str(), 1);
  setenv("FERNET_DATA", data.c_str(), 1);
  const std::string command = python_command() +
                              " -c 'import os, sys, json, time; "
                              "from cryptography.fernet import Fernet; " +
                              code + "' 2>&1";
  std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(command.c_str(), "r"), pclose);
  PythonOutcome outcome;
  if (!pipe) return outcome;
  std::array<char, 4096> buffer{};
  while (const auto n = std::fread(buffer.data(), 1, buffer.size(), pipe.get()))
    outcome.output.append(buffer.data(), n);
  outcome.status = pclose(pipe.release());
  return outcome;
}

inline constexpr const char* kNeedPythonCryptography =
    "these tests need python3 with the cryptography package (Debian: apt-get install "
    "python3-cryptography; or set NICECREAM_PYTHON): ";

}  // namespace nicecream::testing
