#include "prometheus_server.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <boost/json.hpp>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <vector>

#include "http_probe.hpp"
#include "server/eventually.hpp"
#include "support/text_file.hpp"

namespace nicecream::testing {

namespace {
std::string url_encode(const std::string& text) {
  std::string encoded;
  for (const unsigned char c : text) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      encoded.push_back(static_cast<char>(c));
    } else {
      char hex[4];
      std::snprintf(hex, sizeof hex, "%%%02X", c);
      encoded += hex;
    }
  }
  return encoded;
}

pid_t spawn(const std::vector<std::string>& args, const std::filesystem::path& log) {
  const pid_t pid = fork();
  if (pid < 0) throw std::runtime_error("fork failed");
  if (pid == 0) {
    const auto fd = ::open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    if (fd >= 0) {
      dup2(fd, STDOUT_FILENO);
      dup2(fd, STDERR_FILENO);
    }
    std::vector<char*> argv;
    for (const auto& arg : args) argv.push_back(const_cast<char*>(arg.c_str()));
    argv.push_back(nullptr);
    execvp(argv[0], argv.data());
    _exit(127);
  }
  return pid;
}
}  // namespace

PrometheusServer::PrometheusServer(std::uint16_t port, const std::string& target,
                                   const std::string& bearer)
    : port_(port) {
  const auto config = directory_.path() / "prometheus.yml";
  std::ofstream(config) << "global:\n  scrape_interval: 1s\n  scrape_timeout: 1s\n"
                        << "scrape_configs:\n  - job_name: nicecream\n"
                        << (bearer.empty() ? ""
                                           : "    authorization:\n      type: Bearer\n"
                                             "      credentials: " +
                                                 bearer + "\n")
                        << "    static_configs:\n      - targets: ['" << target << "']\n";
  pid_ = spawn({"prometheus", "--config.file=" + config.string(),
                "--storage.tsdb.path=" + (directory_.path() / "data").string(),
                "--web.listen-address=127.0.0.1:" + std::to_string(port)},
               directory_.path() / "log");
  // Ready once its own API answers.
  const bool up = eventually(
      [&] { return get_within(port_, "/-/ready", std::chrono::seconds{2}).status == 200; },
      std::chrono::seconds{60});
  if (!up) throw std::runtime_error("prometheus did not start:\n" + log());
}

PrometheusServer::~PrometheusServer() {
  if (pid_ <= 0) return;
  ::kill(pid_, SIGTERM);
  int status = 0;
  waitpid(pid_, &status, 0);
}

std::optional<double> PrometheusServer::query(const std::string& expression) const {
  const auto answer = get_within(port_, "/api/v1/query?query=" + url_encode(expression));
  if (answer.status != 200) return std::nullopt;
  const auto body = boost::json::parse(answer.body).as_object();
  const auto& result = body.at("data").at("result").as_array();
  if (result.empty()) return std::nullopt;
  // An instant vector's sample: [ <time>, "<value>" ].
  return std::stod(std::string(result.at(0).at("value").as_array().at(1).as_string()));
}

std::string PrometheusServer::log() const {
  return read_text_file(directory_.path() / "log");
}

PromtoolResult promtool_check_metrics(const std::string& exposition) {
  TempDir scratch;
  const auto input = scratch.path() / "metrics.txt";
  const auto output = scratch.path() / "out.txt";
  std::ofstream(input) << exposition;
  const auto command =
      "promtool check metrics < '" + input.string() + "' > '" + output.string() + "' 2>&1";
  const int status = std::system(command.c_str());
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, read_text_file(output)};
}

}  // namespace nicecream::testing
