#include "server/http_client.hpp"

#include <arpa/inet.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/write.hpp>
#include <boost/json/parse.hpp>
#include <cctype>
#include <stdexcept>

namespace nicecream::testing {

namespace beast = boost::beast;
namespace bhttp = boost::beast::http;

namespace {
std::string lowercase(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

HttpResponse convert(const bhttp::response<bhttp::string_body>& message) {
  HttpResponse response;
  response.status = message.result_int();
  for (const auto& field : message) {
    auto& value = response.headers[lowercase(std::string(field.name_string()))];
    if (!value.empty()) value += "\n";
    value += std::string(field.value());
  }
  response.body = message.body();
  return response;
}
}  // namespace

std::string HttpResponse::header(const std::string& name) const {
  const auto found = headers.find(lowercase(name));
  return found == headers.end() ? "" : found->second;
}

boost::json::value HttpResponse::json() const {
  return boost::json::parse(body);
}

HttpClient::HttpClient(std::uint16_t port, std::string host) : host_(std::move(host)), port_(port) {
  connect();
}

void HttpClient::connect() {
  stream_.emplace(context_);
  stream_->connect({boost::asio::ip::make_address(host_), port_});
  buffer_.clear();
}

void HttpClient::reconnect() {
  connect();
}

HttpResponse HttpClient::get(const std::string& target,
                             const std::map<std::string, std::string>& headers) {
  return request("GET", target, "", headers);
}

HttpResponse HttpClient::request(const std::string& method, const std::string& target,
                                 const std::string& body,
                                 const std::map<std::string, std::string>& headers) {
  bhttp::request<bhttp::string_body> message{bhttp::string_to_verb(method), target, 11};
  message.set(bhttp::field::host, host_ + ":" + std::to_string(port_));
  for (const auto& [name, value] : headers) message.set(name, value);
  message.body() = body;
  message.prepare_payload();
  stream_->expires_after(std::chrono::seconds{10});
  bhttp::write(*stream_, message);
  auto response = read_response();
  if (!response) throw std::runtime_error("the server closed the connection without answering");
  return *response;
}

void HttpClient::write_raw(const std::string& bytes) {
  boost::asio::write(stream_->socket(), boost::asio::buffer(bytes));
}

std::optional<HttpResponse> HttpClient::send_raw(const std::string& bytes) {
  write_raw(bytes);
  return read_response();
}

std::optional<HttpResponse> HttpClient::read_response() {
  bhttp::response_parser<bhttp::string_body> parser;
  parser.body_limit(64 * 1024 * 1024);
  boost::system::error_code error;
  stream_->expires_after(std::chrono::seconds{10});
  bhttp::read(*stream_, buffer_, parser, error);
  if (error) return std::nullopt;
  return convert(parser.get());
}

bool HttpClient::closed_by_server(std::chrono::milliseconds wait) {
  // Beast's deadlines only apply to asynchronous calls, so wait with poll on the socket itself.
  pollfd poll_fd{stream_->socket().native_handle(), POLLIN, 0};
  if (poll(&poll_fd, 1, static_cast<int>(wait.count())) <= 0) return false;
  char byte;
  const auto read = ::recv(poll_fd.fd, &byte, 1, MSG_PEEK);
  return read <= 0;
}

EventStreamClient::EventStreamClient(std::uint16_t port, const std::string& target,
                                     const std::map<std::string, std::string>& headers,
                                     int receive_buffer_bytes) {
  fd_ = socket(AF_INET, SOCK_STREAM, 0);
  if (receive_buffer_bytes > 0)
    setsockopt(fd_, SOL_SOCKET, SO_RCVBUF, &receive_buffer_bytes, sizeof receive_buffer_bytes);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(port);
  inet_pton(AF_INET, "127.0.0.1", &address.sin_addr);
  if (::connect(fd_, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0)
    throw std::runtime_error("cannot connect for the event stream");
  std::string request =
      "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n";
  for (const auto& [name, value] : headers) request += name + ": " + value + "\r\n";
  request += "\r\n";
  if (::send(fd_, request.data(), request.size(), 0) < 0) throw std::runtime_error("send failed");
  const auto status_line = read_line(std::chrono::seconds{5});
  if (status_line && status_line->size() > 12) status_ = std::stoi(status_line->substr(9, 3));
  while (auto line = read_line(std::chrono::seconds{5})) {
    if (line->empty()) break;  // end of headers
    const auto colon = line->find(':');
    if (colon == std::string::npos) continue;
    auto value = line->substr(colon + 1);
    value.erase(0, value.find_first_not_of(' '));
    headers_[lowercase(line->substr(0, colon))] = value;
  }
}

EventStreamClient::~EventStreamClient() {
  close();
}

void EventStreamClient::close() {
  if (fd_ >= 0) ::close(fd_);
  fd_ = -1;
}

std::uint16_t EventStreamClient::local_port() const {
  sockaddr_in address{};
  socklen_t length = sizeof address;
  if (getsockname(fd_, reinterpret_cast<sockaddr*>(&address), &length) != 0) return 0;
  return ntohs(address.sin_port);
}

std::string EventStreamClient::header(const std::string& name) const {
  const auto found = headers_.find(lowercase(name));
  return found == headers_.end() ? "" : found->second;
}

std::optional<std::string> EventStreamClient::read_line(std::chrono::milliseconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  for (;;) {
    if (const auto newline = pending_.find('\n'); newline != std::string::npos) {
      auto line = pending_.substr(0, newline);
      pending_.erase(0, newline + 1);
      if (!line.empty() && line.back() == '\r') line.pop_back();
      return line;
    }
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) return std::nullopt;
    pollfd poll_fd{fd_, POLLIN, 0};
    if (poll(&poll_fd, 1, static_cast<int>(left.count())) <= 0) return std::nullopt;
    char chunk[4096];
    const auto read = ::recv(fd_, chunk, sizeof chunk, 0);
    if (read <= 0) return std::nullopt;
    pending_.append(chunk, static_cast<std::size_t>(read));
  }
}

std::optional<std::map<std::string, std::string>> EventStreamClient::next_event(
    std::chrono::milliseconds timeout) {
  std::map<std::string, std::string> fields;
  while (auto line = read_line(timeout)) {
    if (line->empty()) {
      if (fields.count("data") || fields.count("event")) return fields;
      fields.clear();
      continue;
    }
    if (line->front() == ':') continue;
    const auto colon = line->find(':');
    auto name = line->substr(0, colon);
    auto value = colon == std::string::npos ? "" : line->substr(colon + 1);
    if (!value.empty() && value.front() == ' ') value.erase(0, 1);
    fields[name] = value;
  }
  return std::nullopt;
}

bool EventStreamClient::ended(std::chrono::milliseconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (std::chrono::steady_clock::now() < deadline) {
    pollfd poll_fd{fd_, POLLIN, 0};
    if (poll(&poll_fd, 1, 50) > 0) {
      char chunk[4096];
      if (::recv(fd_, chunk, sizeof chunk, 0) <= 0) return true;
    }
  }
  return false;
}

}  // namespace nicecream::testing
