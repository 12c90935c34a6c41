// The LSP base protocol: messages framed by "Content-Length: N\r\n\r\n" headers.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace histlint::protocol {

// What MessageReader::next() found.
enum class FrameStatus {
  NeedMore,  // no complete message yet: feed more bytes
  Message,   // `out` holds one message body
  Error,     // `out` holds a one-line description; the reader has resynchronised
};

// Splits a byte stream into message bodies. Robust to partial reads and to several messages in
// one read. Unknown headers are ignored. A bad or missing Content-Length, a malformed header or a
// body over the size limit is reported once as an Error; the reader then skips to the next
// "Content-Length" header and goes on from there.
class MessageReader {
 public:
  static constexpr size_t kDefaultMaxMessage = size_t{64} << 20;  // 64 MiB
  static constexpr size_t kMaxHeaderBlock = 8 << 10;

  explicit MessageReader(size_t max_message = kDefaultMaxMessage) : max_message_(max_message) {}

  void feed(std::string_view bytes);
  FrameStatus next(std::string& out);
  // Bytes fed but not yet returned as a message or skipped.
  size_t buffered() const { return buffer_.size() - pos_; }

 private:
  FrameStatus parse_headers(std::string& out);
  // Drops input up to the next "Content-Length" header, keeping a possible partial one at the end
  // of the buffer. Returns true when one was found.
  bool resync();
  void compact();

  size_t max_message_;
  std::string buffer_;
  size_t pos_ = 0;          // start of unconsumed input in buffer_
  size_t body_length_ = 0;  // when reading a body
  bool in_body_ = false;
  bool resyncing_ = false;
};

// Frames one message body for writing.
std::string frame_message(std::string_view body);

}  // namespace histlint::protocol
