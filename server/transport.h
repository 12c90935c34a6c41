// The byte stream to and from the client: stdio or one TCP connection, on Boost.Asio. Frames
// outgoing messages and splits incoming ones; framing errors are reported and reading goes on.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>

namespace boost::asio {
class io_context;
}

namespace histlint {

class Transport {
 public:
  struct Handlers {
    std::function<void(std::string body)> message;
    // Input that is not a message (an oversized body, a bad header), skipped; a one-line why.
    std::function<void(std::string description)> bad_input;
    std::function<void()> closed;  // end of input, or the connection failed
  };

  virtual ~Transport() = default;
  // Starts reading; handlers run on the io_context's thread.
  virtual void start(Handlers handlers) = 0;
  // Queues one message body (io_context thread only).
  virtual void send(std::string body) = 0;
  // Stops reading and calls `done` once everything queued has been written (or cannot be).
  virtual void close(std::function<void()> done) = 0;
};

// Standard input and output. Standard output is kept for the protocol alone: file descriptor 1
// is pointed at standard error, so a stray print cannot corrupt the stream.
std::unique_ptr<Transport> make_stdio_transport(boost::asio::io_context& io);

// Listens on host:port for language clients. A host that is not a loopback address is refused
// unless `allow_remote`. Port 0 picks a free port; the address listened on is logged
// ("listening on 127.0.0.1:40123").
class TcpListener {
 public:
  // Nullptr with `error` set when the address cannot be resolved, is refused or cannot be bound.
  static std::unique_ptr<TcpListener> open(boost::asio::io_context& io, const std::string& host,
                                           uint16_t port, bool allow_remote, std::string* error);
  ~TcpListener();

  // Waits for the next client and returns its connection; nullptr with `error` on failure.
  std::unique_ptr<Transport> accept(std::string* error);

 private:
  struct State;
  explicit TcpListener(std::unique_ptr<State> state);
  std::unique_ptr<State> state_;
};

}  // namespace histlint
