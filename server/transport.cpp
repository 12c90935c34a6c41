#include "server/transport.h"

#include <fcntl.h>
#include <unistd.h>

#include <array>
#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/posix/stream_descriptor.hpp>
#include <boost/asio/write.hpp>
#include <deque>

#include "protocol/framing.h"
#include "server/log.h"

namespace histlint {

namespace asio = boost::asio;
using asio::ip::tcp;

namespace {

// Standard input and output as asio descriptors. Asio makes descriptors non-blocking, which
// would also change the terminal or pipe the process was started from: the flags are restored.
class StdioStreams {
 public:
  explicit StdioStreams(asio::io_context& io)
      : saved_in_flags_(::fcntl(STDIN_FILENO, F_GETFL)),
        saved_out_flags_(::fcntl(STDOUT_FILENO, F_GETFL)),
        in_(io, ::dup(STDIN_FILENO)),
        out_(io, ::dup(STDOUT_FILENO)) {
    ::dup2(STDERR_FILENO, STDOUT_FILENO);
  }
  StdioStreams(const StdioStreams&) = delete;
  StdioStreams& operator=(const StdioStreams&) = delete;
  ~StdioStreams() {
    if (saved_in_flags_ != -1) ::fcntl(in_.native_handle(), F_SETFL, saved_in_flags_);
    if (saved_out_flags_ != -1) ::fcntl(out_.native_handle(), F_SETFL, saved_out_flags_);
  }
  asio::posix::stream_descriptor& in() { return in_; }
  asio::posix::stream_descriptor& out() { return out_; }
  void stop_reading() {
    boost::system::error_code ignored;
    in_.cancel(ignored);
  }

 private:
  int saved_in_flags_;
  int saved_out_flags_;
  asio::posix::stream_descriptor in_;
  asio::posix::stream_descriptor out_;
};

class SocketStreams {
 public:
  explicit SocketStreams(tcp::socket socket) : socket_(std::move(socket)) {}
  tcp::socket& in() { return socket_; }
  tcp::socket& out() { return socket_; }
  void stop_reading() {
    boost::system::error_code ignored;
    socket_.shutdown(tcp::socket::shutdown_receive, ignored);
  }

 private:
  tcp::socket socket_;
};

template <class Streams>
class StreamTransport : public Transport {
 public:
  template <class... Args>
  explicit StreamTransport(Args&&... args) : streams_(std::forward<Args>(args)...) {}

  void start(Handlers handlers) override {
    handlers_ = std::move(handlers);
    read_more();
  }

  void send(std::string body) override {
    if (failed_) return;
    queue_.push_back(protocol::frame_message(body));
    if (!writing_) write_next();
  }

  void close(std::function<void()> done) override {
    reading_ = false;
    streams_.stop_reading();
    if (!writing_ || failed_) {
      done();
    } else {
      on_flushed_ = std::move(done);
    }
  }

 private:
  void read_more() {
    streams_.in().async_read_some(asio::buffer(chunk_),
                                  [this](const boost::system::error_code& ec, size_t size) {
                                    if (!reading_) return;
                                    if (ec) {
                                      end_of_input(ec);
                                      return;
                                    }
                                    frames_.feed(std::string_view(chunk_.data(), size));
                                    std::string out;
                                    while (reading_) {
                                      const auto status = frames_.next(out);
                                      if (status == protocol::FrameStatus::NeedMore) break;
                                      if (status == protocol::FrameStatus::Error) {
                                        handlers_.bad_input(std::move(out));
                                        continue;
                                      }
                                      handlers_.message(std::move(out));
                                    }
                                    if (reading_) read_more();
                                  });
  }

  void end_of_input(const boost::system::error_code& ec) {
    reading_ = false;
    if (ec != asio::error::eof) log::error("reading input failed: " + ec.message());
    if (frames_.buffered() > 0) {
      log::warning("input ended inside a message; " + std::to_string(frames_.buffered()) +
                   " bytes discarded");
    }
    handlers_.closed();
  }

  void write_next() {
    writing_ = true;
    asio::async_write(
        streams_.out(), asio::buffer(queue_.front()),
        [this](const boost::system::error_code& ec, size_t) {
          if (ec) {
            // EPIPE (SIGPIPE is ignored) or a reset: the client went away.
            if (ec == asio::error::broken_pipe || ec == asio::error::connection_reset) {
              log::warning("the client closed the connection: " + ec.message());
            } else {
              log::error("writing output failed: " + ec.message());
            }
            failed_ = true;
            queue_.clear();
          } else {
            queue_.pop_front();
          }
          if (!queue_.empty()) {
            write_next();
            return;
          }
          writing_ = false;
          if (on_flushed_) std::exchange(on_flushed_, nullptr)();
          if (failed_ && reading_) {
            reading_ = false;
            handlers_.closed();  // nobody is listening any more
          }
        });
  }

  Streams streams_;
  Handlers handlers_;
  protocol::MessageReader frames_;
  std::array<char, 64 * 1024> chunk_{};
  std::deque<std::string> queue_;
  bool reading_ = true;
  bool writing_ = false;
  bool failed_ = false;
  std::function<void()> on_flushed_;
};

}  // namespace

std::unique_ptr<Transport> make_stdio_transport(asio::io_context& io) {
  return std::make_unique<StreamTransport<StdioStreams>>(io);
}

struct TcpListener::State {
  asio::io_context& io;
  tcp::acceptor acceptor;
};

TcpListener::TcpListener(std::unique_ptr<State> state) : state_(std::move(state)) {}
TcpListener::~TcpListener() = default;

std::unique_ptr<TcpListener> TcpListener::open(asio::io_context& io, const std::string& host,
                                               uint16_t port, bool allow_remote,
                                               std::string* error) {
  boost::system::error_code ec;
  tcp::resolver resolver(io);
  const auto endpoints = resolver.resolve(host, std::to_string(port), ec);
  if (ec || endpoints.empty()) {
    *error = "cannot resolve \"" + host + "\": " + ec.message();
    return nullptr;
  }
  const tcp::endpoint endpoint = endpoints.begin()->endpoint();
  for (const auto& entry : endpoints) {
    if (!entry.endpoint().address().is_loopback() && !allow_remote) {
      *error = "refusing to listen on " + entry.endpoint().address().to_string() + " (" + host +
               "), which is not a loopback address: anyone who can reach it could read the "
               "documents. Pass --allow-remote to listen there anyway.";
      return nullptr;
    }
  }
  auto state = std::make_unique<State>(State{io, tcp::acceptor(io)});
  tcp::acceptor& acceptor = state->acceptor;
  acceptor.open(endpoint.protocol(), ec);
  if (!ec) acceptor.set_option(tcp::acceptor::reuse_address(true), ec);
  if (!ec) acceptor.bind(endpoint, ec);
  if (!ec) acceptor.listen(1, ec);
  if (ec) {
    *error = "cannot listen on " + host + ":" + std::to_string(port) + ": " + ec.message();
    return nullptr;
  }
  const tcp::endpoint bound = acceptor.local_endpoint(ec);
  log::info("listening on " + bound.address().to_string() + ":" + std::to_string(bound.port()));
  return std::unique_ptr<TcpListener>(new TcpListener(std::move(state)));
}

std::unique_ptr<Transport> TcpListener::accept(std::string* error) {
  boost::system::error_code ec;
  tcp::socket socket(state_->io);
  state_->acceptor.accept(socket, ec);
  if (ec) {
    *error = "accepting a connection failed: " + ec.message();
    return nullptr;
  }
  socket.set_option(tcp::no_delay(true), ec);
  log::info("client connected from " + socket.remote_endpoint(ec).address().to_string());
  return std::make_unique<StreamTransport<SocketStreams>>(std::move(socket));
}

}  // namespace histlint
