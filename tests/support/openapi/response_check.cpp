#include "support/openapi/response_check.hpp"

#include <unistd.h>

#include <atomic>
#include <boost/json.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "support/source_tree.hpp"

namespace nicecream::support::openapi {

namespace json = boost::json;

namespace {

json::value to_json(const Check& check) {
  if (const auto* instance = std::get_if<SchemaInstance>(&check))
    return {{"schema", instance->schema}, {"body", instance->body}};
  const auto& response = std::get<ReceivedResponse>(check);
  return {{"method", response.method},
          {"path", response.path},
          {"status", response.status},
          {"content_type", response.content_type},
          {"body", response.body}};
}

std::string read_file(const std::filesystem::path& file) {
  std::ifstream input(file, std::ios::binary);
  std::ostringstream text;
  text << input.rdbuf();
  return text.str();
}

// The files one checker run reads and writes, removed with it.
class RunFiles {
 public:
  RunFiles() {
    static std::atomic<int> runs{0};
    directory_ = std::filesystem::temp_directory_path() /
                 ("nicecream-openapi-" + std::to_string(::getpid()) + "-" + std::to_string(++runs));
    std::filesystem::create_directories(directory_);
  }
  ~RunFiles() {
    std::error_code ignored;
    std::filesystem::remove_all(directory_, ignored);
  }
  RunFiles(const RunFiles&) = delete;
  RunFiles& operator=(const RunFiles&) = delete;

  std::filesystem::path checks() const { return directory_ / "checks.json"; }
  std::filesystem::path verdicts() const { return directory_ / "verdicts.json"; }
  std::filesystem::path errors() const { return directory_ / "errors.txt"; }

 private:
  std::filesystem::path directory_;
};

std::string quoted(const std::string& text) {
  return "'" + text + "'";
}

CheckReport parse_report(const json::value& output) {
  CheckReport report;
  for (const auto& operation : output.at("operations").as_array())
    report.operations.push_back({json::value_to<std::string>(operation.at("method")),
                                 json::value_to<std::string>(operation.at("path"))});
  for (const auto& verdict : output.at("verdicts").as_array()) {
    Verdict parsed;
    if (const auto& path_template = verdict.at("path_template"); path_template.is_string())
      parsed.path_template = json::value_to<std::string>(path_template);
    parsed.violations = json::value_to<std::vector<std::string>>(verdict.at("violations"));
    report.verdicts.push_back(std::move(parsed));
  }
  return report;
}

}  // namespace

CheckReport check_against_openapi(const std::vector<Check>& checks) {
  RunFiles files;
  json::array input;
  for (const auto& check : checks) input.push_back(to_json(check));
  std::ofstream(files.checks(), std::ios::binary) << json::serialize(input);

  const auto command = quoted(testing::source_path("tests/support/openapi/node.sh")) + " " +
                       quoted(testing::source_path("tests/support/openapi/check-responses.mjs")) +
                       " " + quoted(testing::source_path("docs/openapi.json")) + " " +
                       quoted(files.checks().string()) + " >" + quoted(files.verdicts().string()) +
                       " 2>" + quoted(files.errors().string());
  if (std::system(command.c_str()) != 0)
    throw std::runtime_error("the OpenAPI checker failed: " + read_file(files.errors()));
  auto report = parse_report(json::parse(read_file(files.verdicts())));
  if (report.verdicts.size() != checks.size())
    throw std::runtime_error("the OpenAPI checker gave " + std::to_string(report.verdicts.size()) +
                             " verdicts for " + std::to_string(checks.size()) + " checks");
  return report;
}

}  // namespace nicecream::support::openapi
