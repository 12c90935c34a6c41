#include "protocol/framing.h"

#include <algorithm>
#include <charconv>
#include <cstring>
#include <optional>

namespace histlint::protocol {

namespace {

constexpr std::string_view kLengthHeader = "content-length";

bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return (x | 0x20) == (y | 0x20);  // ASCII letters and '-' only
         });
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

// Printable excerpt for a log line.
std::string excerpt(std::string_view s) {
  std::string out;
  for (char c : s.substr(0, 40)) {
    const auto u = static_cast<unsigned char>(c);
    out += (u >= 0x20 && u < 0x7F) ? c : '?';
  }
  if (s.size() > 40) out += "...";
  return out;
}

}  // namespace

void MessageReader::feed(std::string_view bytes) {
  compact();
  buffer_.append(bytes);
}

void MessageReader::compact() {
  if (pos_ == 0) return;
  if (pos_ == buffer_.size()) {
    buffer_.clear();
    pos_ = 0;
  } else if (pos_ > buffer_.size() / 2) {
    buffer_.erase(0, pos_);
    pos_ = 0;
  }
}

bool MessageReader::resync() {
  // Headers are searched anywhere, not only at a line start, so that a message right after binary
  // garbage is still found. A body cannot fake a header: JSON strings hold no raw line breaks.
  const std::string_view rest = std::string_view(buffer_).substr(pos_);
  const size_t n = kLengthHeader.size();
  for (size_t i = 0; i + n <= rest.size(); ++i) {
    if ((rest[i] | 0x20) == 'c' && iequals(rest.substr(i, n), kLengthHeader)) {
      pos_ += i;
      return true;
    }
  }
  // Keep what may be the start of a header cut by the read.
  pos_ += rest.size() >= n ? rest.size() - (n - 1) : 0;
  return false;
}

FrameStatus MessageReader::next(std::string& out) {
  while (true) {
    if (resyncing_) {
      if (!resync()) return FrameStatus::NeedMore;
      resyncing_ = false;
    }
    if (in_body_) {
      if (buffered() < body_length_) {
        buffer_.reserve(pos_ + body_length_);
        return FrameStatus::NeedMore;
      }
      out.assign(buffer_, pos_, body_length_);
      pos_ += body_length_;
      in_body_ = false;
      return FrameStatus::Message;
    }
    const FrameStatus status = parse_headers(out);
    if (status != FrameStatus::Message) return status;
    // Headers parsed; loop to read the body.
  }
}

// Reads one header block. Returns Message when a valid Content-Length was read (the body is next),
// NeedMore when the block is incomplete, Error on a bad block (resynchronising).
FrameStatus MessageReader::parse_headers(std::string& out) {
  const std::string_view rest = std::string_view(buffer_).substr(pos_);
  // Blank lines between messages are harmless.
  size_t skip = 0;
  while (skip < rest.size() && (rest[skip] == '\r' || rest[skip] == '\n')) ++skip;
  pos_ += skip;
  const std::string_view input = rest.substr(skip);

  // The block ends at an empty line; lines end with "\r\n" (a bare "\n" is accepted).
  size_t block_end = std::string_view::npos;
  size_t body_start = 0;
  for (size_t i = input.find('\n'); i != std::string_view::npos; i = input.find('\n', i + 1)) {
    if (i + 1 < input.size() && input[i + 1] == '\n') {
      block_end = i;
      body_start = i + 2;
      break;
    }
    if (i + 2 < input.size() && input[i + 1] == '\r' && input[i + 2] == '\n') {
      block_end = i;
      body_start = i + 3;
      break;
    }
    if (i > kMaxHeaderBlock) break;
  }
  const auto fail = [&](std::string message) {
    out = std::move(message);
    ++pos_;  // never resynchronise onto the same header again
    resyncing_ = true;
    return FrameStatus::Error;
  };
  if (block_end == std::string_view::npos) {
    if (input.size() <= kMaxHeaderBlock) return FrameStatus::NeedMore;
    return fail("no end of headers within " + std::to_string(kMaxHeaderBlock) +
                " bytes (input starts \"" + excerpt(input) + "\"); skipping to the next header");
  }

  std::optional<size_t> length;
  std::string_view block = input.substr(0, block_end);
  while (!block.empty()) {
    const size_t eol = block.find('\n');
    const std::string_view line = trim(block.substr(0, eol));
    block = eol == std::string_view::npos ? std::string_view() : block.substr(eol + 1);
    const size_t colon = line.find(':');
    if (colon == std::string_view::npos) {
      return fail("malformed header \"" + excerpt(line) + "\"; skipping to the next header");
    }
    if (!iequals(trim(line.substr(0, colon)), kLengthHeader)) continue;  // e.g. Content-Type
    const std::string_view value = trim(line.substr(colon + 1));
    size_t parsed = 0;
    const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), parsed);
    if (value.empty() || ec == std::errc::invalid_argument || end != value.data() + value.size()) {
      return fail("bad Content-Length \"" + excerpt(value) + "\"; skipping to the next header");
    }
    if (ec == std::errc::result_out_of_range || parsed > max_message_) {
      return fail("message of " + std::string(value) + " bytes exceeds the limit of " +
                  std::to_string(max_message_) + " bytes; skipping it");
    }
    if (length && *length != parsed) {
      return fail("conflicting Content-Length headers; skipping to the next header");
    }
    length = parsed;
  }
  if (!length) {
    return fail("header block without Content-Length; skipping to the next header");
  }
  pos_ += body_start;
  body_length_ = *length;
  in_body_ = true;
  return FrameStatus::Message;
}

std::string frame_message(std::string_view body) {
  std::string framed = "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n";
  framed.append(body);
  return framed;
}

}  // namespace histlint::protocol
