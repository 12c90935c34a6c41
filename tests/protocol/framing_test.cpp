#include "protocol/framing.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

using histlint::protocol::frame_message;
using histlint::protocol::FrameStatus;
using histlint::protocol::MessageReader;

namespace {

struct Collected {
  std::vector<std::string> messages;
  std::vector<std::string> errors;
};

Collected drain(MessageReader& reader) {
  Collected c;
  std::string out;
  while (true) {
    const FrameStatus status = reader.next(out);
    if (status == FrameStatus::NeedMore) break;
    (status == FrameStatus::Message ? c.messages : c.errors).push_back(out);
  }
  return c;
}

Collected feed_all(MessageReader& reader, const std::string& input, size_t chunk) {
  Collected all;
  for (size_t i = 0; i < input.size(); i += chunk) {
    reader.feed(std::string_view(input).substr(i, chunk));
    Collected c = drain(reader);
    all.messages.insert(all.messages.end(), c.messages.begin(), c.messages.end());
    all.errors.insert(all.errors.end(), c.errors.begin(), c.errors.end());
  }
  return all;
}

}  // namespace

TEST_CASE("frame_message writes a Content-Length header") {
  CHECK(frame_message("{}") == "Content-Length: 2\r\n\r\n{}");
}

TEST_CASE("messages survive reads split at every byte") {
  const std::string input = frame_message(R"({"a":1})") + frame_message(R"({"b":"ü"})");
  for (size_t chunk : {size_t{1}, size_t{2}, size_t{3}, size_t{7}, input.size()}) {
    CAPTURE(chunk);
    MessageReader reader;
    const Collected c = feed_all(reader, input, chunk);
    REQUIRE(c.messages.size() == 2);
    CHECK(c.messages[0] == R"({"a":1})");
    CHECK(c.messages[1] == R"({"b":"ü"})");
    CHECK(c.errors.empty());
    CHECK(reader.buffered() == 0);
  }
}

TEST_CASE("several messages in one read, unknown headers ignored, header names case-blind") {
  MessageReader reader;
  reader.feed(
      "Content-Length: 2\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n{}"
      "X-Custom: 1\r\ncontent-length:3\r\n\r\n[1]"
      "Content-Length: 4\n\nnull");
  const Collected c = drain(reader);
  CHECK(c.errors.empty());
  REQUIRE(c.messages.size() == 3);
  CHECK(c.messages[0] == "{}");
  CHECK(c.messages[1] == "[1]");
  CHECK(c.messages[2] == "null");
}

TEST_CASE("a body is not cut at a header-looking sequence inside it") {
  MessageReader reader;
  const std::string body = "{\"t\":\"Content-Length: 99\\r\\n\\r\\n\"}";
  reader.feed(frame_message(body));
  const Collected c = drain(reader);
  REQUIRE(c.messages.size() == 1);
  CHECK(c.messages[0] == body);
}

TEST_CASE("bad headers are reported and reading resumes at the next message") {
  SUBCASE("non-numeric length") {
    MessageReader reader;
    reader.feed("Content-Length: abc\r\n\r\n{\"x\":1}" + frame_message("{}"));
    const Collected c = drain(reader);
    REQUIRE(c.errors.size() == 1);
    CHECK(c.errors[0].find("bad Content-Length \"abc\"") != std::string::npos);
    REQUIRE(c.messages.size() == 1);
    CHECK(c.messages[0] == "{}");
  }
  SUBCASE("negative length") {
    MessageReader reader;
    reader.feed("Content-Length: -5\r\n\r\n" + frame_message("{}"));
    const Collected c = drain(reader);
    CHECK(c.errors.size() == 1);
    CHECK(c.messages == std::vector<std::string>{"{}"});
  }
  SUBCASE("missing length") {
    MessageReader reader;
    reader.feed("Content-Type: x\r\n\r\n{\"lost\":true}" + frame_message("[2]"));
    const Collected c = drain(reader);
    REQUIRE(c.errors.size() == 1);
    CHECK(c.errors[0].find("without Content-Length") != std::string::npos);
    CHECK(c.messages == std::vector<std::string>{"[2]"});
  }
  SUBCASE("a header line without a colon") {
    MessageReader reader;
    reader.feed("garbage line\r\n\r\n" + frame_message("[3]"));
    const Collected c = drain(reader);
    CHECK(c.errors.size() == 1);
    CHECK(c.messages == std::vector<std::string>{"[3]"});
  }
  SUBCASE("binary garbage before a message, fed byte by byte") {
    MessageReader reader;
    std::string garbage;
    for (int i = 0; i < 20000; ++i) garbage += static_cast<char>((i * 7919) % 256 | 0x80);
    const Collected c = feed_all(reader, garbage + frame_message("[4]"), 1);
    CHECK(c.errors.size() >= 1);
    CHECK(c.messages == std::vector<std::string>{"[4]"});
  }
}

TEST_CASE("a message over the size limit is skipped without buffering it") {
  MessageReader reader(/*max_message=*/100);
  const std::string huge(1000, 'x');
  const std::string input = "Content-Length: 1000\r\n\r\n" + huge + frame_message("{\"ok\":1}");
  const Collected c = feed_all(reader, input, 64);
  REQUIRE(c.errors.size() == 1);
  CHECK(c.errors[0].find("exceeds the limit") != std::string::npos);
  CHECK(c.messages == std::vector<std::string>{"{\"ok\":1}"});
  CHECK(reader.buffered() < 64);
}

TEST_CASE("a length that overflows is rejected") {
  MessageReader reader;
  reader.feed("Content-Length: 99999999999999999999999\r\n\r\n" + frame_message("{}"));
  const Collected c = drain(reader);
  CHECK(c.errors.size() == 1);
  CHECK(c.messages == std::vector<std::string>{"{}"});
}

TEST_CASE("a short body waits for more input") {
  MessageReader reader;
  reader.feed("Content-Length: 10\r\n\r\n12345");
  CHECK(drain(reader).messages.empty());
  reader.feed("67890");
  CHECK(drain(reader).messages == std::vector<std::string>{"1234567890"});
}
