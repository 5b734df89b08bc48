#pragma once

#include <boost/asio/io_context.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/message.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/json/value.hpp>
#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <string>

namespace nicecream::testing {

struct HttpResponse {
  int status = 0;
  std::map<std::string, std::string> headers;  // lower-case names; repeated ones joined by "\n"
  std::string body;

  std::string header(const std::string& name) const;
  boost::json::value json() const;
};

// A blocking HTTP/1.1 client over one keep-alive connection, for talking to the real server.
class HttpClient {
 public:
  explicit HttpClient(std::uint16_t port, std::string host = "127.0.0.1");

  HttpResponse get(const std::string& target,
                   const std::map<std::string, std::string>& headers = {});
  HttpResponse request(const std::string& method, const std::string& target,
                       const std::string& body = "",
                       const std::map<std::string, std::string>& headers = {});
  // Writes bytes as they are and reads one response (nullopt when the server just closes).
  std::optional<HttpResponse> send_raw(const std::string& bytes);
  void write_raw(const std::string& bytes);
  // Reads one more response from the connection (for pipelining).
  std::optional<HttpResponse> read_response();
  // True when the server has closed this connection.
  bool closed_by_server(std::chrono::milliseconds wait = std::chrono::milliseconds{500});
  void reconnect();

 private:
  void connect();

  std::string host_;
  std::uint16_t port_;
  boost::asio::io_context context_;
  std::optional<boost::beast::tcp_stream> stream_;
  boost::beast::flat_buffer buffer_;
};

// Reads a Server-Sent Events stream line by line.
class EventStreamClient {
 public:
  // `receive_buffer_bytes` > 0 shrinks the socket's receive buffer (set before connecting), so a
  // client that stops reading makes the server's writes block soon.
  EventStreamClient(std::uint16_t port, const std::string& target,
                    const std::map<std::string, std::string>& headers = {},
                    int receive_buffer_bytes = 0);
  ~EventStreamClient();
  EventStreamClient(const EventStreamClient&) = delete;
  EventStreamClient& operator=(const EventStreamClient&) = delete;

  int status() const { return status_; }
  // A response header by case-insensitive name; "" when absent.
  std::string header(const std::string& name) const;
  // The next event (fields by name, e.g. "id", "event", "data"), skipping comments;
  // nullopt on timeout or end of stream.
  std::optional<std::map<std::string, std::string>> next_event(
      std::chrono::milliseconds timeout = std::chrono::seconds{5});
  bool ended(std::chrono::milliseconds timeout = std::chrono::seconds{5});
  // Hangs up, as a browser does before it reconnects.
  void close();
  // This end's port, to find the connection in the kernel's tables.
  std::uint16_t local_port() const;

 private:
  std::optional<std::string> read_line(std::chrono::milliseconds timeout);

  int fd_ = -1;
  int status_ = 0;
  std::map<std::string, std::string> headers_;  // lower-case names
  std::string pending_;
};

}  // namespace nicecream::testing
