#include "http/connection.hpp"

#include <spdlog/spdlog.h>

#include <array>
#include <boost/asio/as_tuple.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core/buffers_suffix.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/empty_body.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/serializer.hpp>
#include <boost/beast/http/write.hpp>
#include <charconv>
#include <chrono>
#include <optional>
#include <tuple>

#include "http/event_stream.hpp"
#include "http/request_log.hpp"
#include "http/serialized_response.hpp"
#include "metrics/app_metrics.hpp"

namespace nicecream::http {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using asio::use_awaitable;
constexpr auto no_throw = asio::as_tuple(use_awaitable);

namespace {

bhttp::status status_for_read_error(const boost::system::error_code& error) {
  if (error == bhttp::error::header_limit) return bhttp::status::request_header_fields_too_large;
  if (error == bhttp::error::body_limit) return bhttp::status::payload_too_large;
  return bhttp::status::bad_request;
}

std::string_view reason_for_read_error(const boost::system::error_code& error) {
  if (error == bhttp::error::header_limit) return "Request header fields too large.";
  if (error == bhttp::error::body_limit) return "Request body too large.";
  return "Malformed request.";
}

bool is_protocol_error(const boost::system::error_code& error) {
  const boost::system::error_code end_of_stream = bhttp::error::end_of_stream;
  return error.category() == end_of_stream.category() && error != bhttp::error::end_of_stream &&
         error != bhttp::error::partial_message;
}

// Nearly every write fits the socket's send buffer: one attempt without suspending and without a
// deadline. Only what does not fit waits, under `timeout`. With thousands of streams this saves a
// timer and a strand round trip per client per item (bench/sse); a kept page is one system call
// (bench/http). The socket is in non-blocking mode (see Connection).
template <class Buffers>
asio::awaitable<bool> write_now_or_wait(beast::tcp_stream& stream, Buffers buffers,
                                        std::chrono::steady_clock::duration timeout) {
  boost::system::error_code error;
  const auto sent = stream.socket().write_some(buffers, error);
  if (!error && sent == asio::buffer_size(buffers)) co_return true;
  if (error && error != asio::error::would_block) co_return false;
  stream.expires_after(timeout);
  beast::buffers_suffix rest(buffers);
  rest.consume(sent);
  std::tie(error, std::ignore) = co_await asio::async_write(stream, rest, no_throw);
  stream.expires_never();
  co_return !error;
}

class StreamOverConnection final : public EventStream {
 public:
  StreamOverConnection(beast::tcp_stream& stream, ConnectionState& state,
                       const ServerOptions& options, const std::string& remote, bool chunked)
      : stream_(stream), state_(state), options_(options), remote_(remote), chunked_(chunked) {}

  asio::awaitable<bool> write(std::string data) override {
    if (failed_) co_return false;
    if (data.empty()) co_return true;  // an empty chunk would end a chunked body
    if (chunked_) data = frame_chunk(data);
    failed_ = !co_await write_raw(std::move(data));
    co_return !failed_;
  }
  // A chunked body's last chunk, once the handler is done; not after a failed write (the client
  // left, or the body is cut and must not look complete).
  asio::awaitable<void> finish() {
    if (chunked_ && !failed_) co_await write_raw("0\r\n\r\n");
  }
  asio::any_io_executor executor() override { return state_.executor; }
  int direct_socket() override { return chunked_ ? -1 : stream_.socket().native_handle(); }
  void on_shutdown(std::function<void()> callback) override {
    state_.stop_stream = std::move(callback);
    if (state_.stopping) state_.stop_stream();
  }
  const std::string& remote_address() const override { return remote_; }

 private:
  static std::string frame_chunk(const std::string& data) {
    std::array<char, 16> size{};
    const auto end = std::to_chars(size.data(), size.data() + size.size(), data.size(), 16).ptr;
    std::string framed(size.data(), end);
    framed.reserve(framed.size() + data.size() + 4);
    return framed.append("\r\n").append(data).append("\r\n");
  }

  asio::awaitable<bool> write_raw(std::string data) {
    co_return co_await write_now_or_wait(stream_, asio::buffer(data), options_.write_timeout);
  }

  beast::tcp_stream& stream_;
  ConnectionState& state_;
  const ServerOptions& options_;
  const std::string& remote_;
  bool chunked_ = false;
  bool failed_ = false;
};

class Connection {
 public:
  Connection(asio::ip::tcp::socket socket, const ServerOptions& options, const Handler& handler,
             ErrorResponderRef errors, std::shared_ptr<ConnectionState> state)
      : stream_(std::move(socket)),
        options_(options),
        handler_(handler),
        errors_(errors),
        state_(std::move(state)) {
    boost::system::error_code ignored;
    const auto endpoint = stream_.socket().remote_endpoint(ignored);
    remote_ = ignored ? "unknown" : endpoint.address().to_string();
    // Writes try the socket at once and wait only for what it does not take (see write_raw).
    stream_.socket().non_blocking(true, ignored);
    state_->interrupt_idle = [this] { stream_.cancel(); };
  }

  ~Connection() {
    state_->interrupt_idle = nullptr;
    state_->stop_stream = nullptr;
  }

  asio::awaitable<void> run() {
    while (!state_->stopping) {
      if (!co_await wait_for_request()) break;
      state_->busy = true;
      const bool keep_going = co_await serve_one();
      state_->busy = false;
      if (!keep_going) break;
    }
    boost::system::error_code ignored;
    stream_.socket().shutdown(asio::ip::tcp::socket::shutdown_send, ignored);
  }

 private:
  // Waits for the first bytes of the next request under the idle deadline, so that an idle
  // keep-alive connection and a slow request each have their own bound.
  asio::awaitable<bool> wait_for_request() {
    if (buffer_.size() > 0) co_return true;
    stream_.expires_after(options_.idle_timeout);
    auto [error, read] = co_await stream_.async_read_some(buffer_.prepare(4096), no_throw);
    if (error) co_return false;
    buffer_.commit(read);
    co_return true;
  }

  asio::awaitable<bool> serve_one() {
    bhttp::request_parser<bhttp::string_body> parser;
    parser.header_limit(static_cast<std::uint32_t>(options_.max_header_bytes));
    parser.body_limit(options_.max_body_bytes);
    stream_.expires_after(options_.read_timeout);
    auto [error, read] = co_await bhttp::async_read(stream_, buffer_, parser, no_throw);
    const auto started = std::chrono::steady_clock::now();
    if (error) {
      if (is_protocol_error(error)) {
        auto response = errors_(status_for_read_error(error), reason_for_read_error(error));
        co_await send(response, false);
        const auto message = error.message();
        const RequestRecord entry{.route = metrics::kUnmatchedRoute,
                                  .status = response.message.result_int(),
                                  .client = remote_,
                                  .note = message};
        count_request(entry, std::chrono::steady_clock::now() - started);
        log_request(entry, options_.log_format);
      }
      co_return false;
    }
    Request request;
    request.message = parser.release();
    request.remote_address = remote_;
    Response response = co_await answer(request);
    const bool keep_alive = request.message.keep_alive() && !state_->stopping && !response.stream;
    bool written = false;
    auto answered = std::chrono::steady_clock::duration{};
    if (response.stream) {
      written = co_await stream_events(response, started, answered);
    } else {
      written = co_await send(response, keep_alive);
      answered = std::chrono::steady_clock::now() - started;
    }
    record(request, response, started, answered);
    co_return written&& keep_alive;
  }

  void record(const Request& request, const Response& response,
              std::chrono::steady_clock::time_point started,
              std::chrono::steady_clock::duration answered) const {
    const RequestRecord entry{
        .method = request.message.method_string(),
        .target = request.message.target(),
        .route = request.route.empty() ? std::string_view(metrics::kUnmatchedRoute) : request.route,
        .status = response.message.result_int(),
        .duration = std::chrono::duration_cast<std::chrono::microseconds>(
            std::chrono::steady_clock::now() - started),
        .client = remote_};
    count_request(entry, answered);
    log_request(entry, options_.log_format);
  }

  asio::awaitable<Response> answer(Request& request) {
    const auto target = parse_target(request.message.target());
    if (!target) co_return errors_(bhttp::status::bad_request, "Malformed request target.");
    request.path = target->path;
    request.query = target->query;
    try {
      co_return co_await handler_(request);
    } catch (const std::exception& failure) {
      spdlog::error("{} {} failed: {}", request.message.method_string(), request.message.target(),
                    failure.what());
    }
    co_return errors_(bhttp::status::internal_server_error, "Internal server error.");
  }

  asio::awaitable<bool> send(Response& response, bool keep_alive) {
    if (response.keep && !response.serialized) {
      response.serialized = std::make_shared<const SerializedResponse>(response);
      response.keep(response.serialized);
    }
    if (response.serialized)
      co_return co_await write_now_or_wait(stream_, response.serialized->buffers(keep_alive),
                                           options_.write_timeout);
    response.message.keep_alive(keep_alive);
    response.message.prepare_payload();
    stream_.expires_after(options_.write_timeout);
    auto [error, written] = co_await bhttp::async_write(stream_, response.message, no_throw);
    co_return !error;
  }

  // Sends the headers without a length (the body ends with the connection, or with its last chunk
  // when the handler set Transfer-Encoding: chunked, as downloads do) and hands the connection to
  // the stream's coroutine; long-lived, so no read deadline applies.
  asio::awaitable<bool> stream_events(Response& response,
                                      std::chrono::steady_clock::time_point started,
                                      std::chrono::steady_clock::duration& answered) {
    const auto chunked = co_await write_stream_head(response.message);
    answered = std::chrono::steady_clock::now() - started;
    if (!chunked) co_return false;
    stream_.expires_never();
    release_what_the_stream_does_not_need(response);
    watch_for_hang_up();
    StreamOverConnection events(stream_, *state_, options_, remote_, *chunked);
    co_await response.stream(events);
    co_await events.finish();
    co_return true;
  }

  // The head as written, without a length; whether the body is chunked, or nullopt if the write
  // failed.
  asio::awaitable<std::optional<bool>> write_stream_head(
      const bhttp::response<bhttp::string_body>& message) {
    bhttp::response<bhttp::empty_body> head{message.result(), 11};
    for (const auto& field : message) head.set(field.name_string(), field.value());
    head.keep_alive(false);
    bhttp::response_serializer<bhttp::empty_body> serializer{head};
    stream_.expires_after(options_.write_timeout);
    auto [error, written] = co_await bhttp::async_write_header(stream_, serializer, no_throw);
    if (error) co_return std::nullopt;
    co_return head.chunked();
  }

  // A stream may stay open for days, and there are thousands: what stays allocated per stream
  // counts (bench/sse: about 6 KiB of RSS each). The read buffer (4 KiB) and the headers already
  // written go; the status stays for the log line. A client that sent more after its request
  // keeps its buffer.
  void release_what_the_stream_does_not_need(Response& response) {
    if (buffer_.size() == 0) buffer_.shrink_to_fit();
    response.message = bhttp::response<bhttp::string_body>{response.message.result(), 11};
  }

  // The client of an event stream sends nothing; when it hangs up, this read ends and so does the
  // stream, at once instead of at the next failed write (a heartbeat may be 15 s away), which
  // frees its place under the per-address stream limit. Should the client send something after
  // all, watching stops there and the writes find out as before. The handler owns the buffer and
  // needs nothing of this object, which may be gone when a cancelled read completes.
  void watch_for_hang_up() {
    auto byte = std::make_shared<char>();
    stream_.socket().async_read_some(
        asio::buffer(byte.get(), 1),
        [state = state_, byte](const boost::system::error_code& error, std::size_t) {
          if (!error || error == asio::error::operation_aborted) return;
          state->stopping = true;
          if (state->stop_stream) state->stop_stream();
        });
  }

  beast::tcp_stream stream_;
  beast::flat_buffer buffer_;
  const ServerOptions& options_;
  const Handler& handler_;
  ErrorResponderRef errors_;
  std::shared_ptr<ConnectionState> state_;
  std::string remote_;
};

}  // namespace

asio::awaitable<void> serve_connection(asio::ip::tcp::socket socket, const ServerOptions& options,
                                       const Handler& handler, ErrorResponderRef errors,
                                       std::shared_ptr<ConnectionRegistry> registry) {
  auto state = std::make_shared<ConnectionState>();
  state->executor = socket.get_executor();
  const auto key = registry->add(state);
  try {
    Connection connection(std::move(socket), options, handler, errors, state);
    co_await connection.run();
  } catch (const std::exception& failure) {
    spdlog::error("connection ended by an error: {}", failure.what());
  }
  registry->remove(key);
}

}  // namespace nicecream::http
