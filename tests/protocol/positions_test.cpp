#include "protocol/positions.h"

#include <doctest/doctest.h>

#include <string>

using namespace histlint::protocol;

namespace {

constexpr auto kUtf8 = PositionEncoding::Utf8;
constexpr auto kUtf16 = PositionEncoding::Utf16;
constexpr auto kUtf32 = PositionEncoding::Utf32;

}  // namespace

TEST_CASE("encoding names") {
  CHECK(parse_encoding("utf-16") == kUtf16);
  CHECK(parse_encoding("utf-8") == kUtf8);
  CHECK(parse_encoding("utf-32") == kUtf32);
  CHECK_FALSE(parse_encoding("latin1"));
  CHECK(encoding_name(kUtf32) == "utf-32");
}

TEST_CASE("lines end at LF, CRLF and lone CR") {
  const std::string text = "ab\ncd\r\nef\rgh";
  const LineIndex index(text);
  REQUIRE(index.line_count() == 4);
  CHECK(index.line_start(1) == 3);
  CHECK(index.line_end(1) == 5);
  CHECK(index.line_start(2) == 7);
  CHECK(index.line_end(2) == 9);
  CHECK(index.line_start(3) == 10);
  CHECK(index.position_of(4, kUtf16) == Position{1, 1});
  CHECK(index.position_of(10, kUtf16) == Position{3, 0});
  // Inside the CRLF pair: the end of the line.
  CHECK(index.position_of(6, kUtf16) == Position{1, 2});
  // Past the end of a line: clamped to its end, never onto the next line.
  CHECK(index.offset_of({1, 99}, kUtf16) == size_t{5});
  CHECK(index.offset_of({3, 2}, kUtf16) == size_t{12});
}

TEST_CASE("a text ending in a newline has an empty last line") {
  const std::string text = "a\n";
  const LineIndex index(text);
  CHECK(index.line_count() == 2);
  CHECK(index.position_of(2, kUtf16) == Position{1, 0});
  CHECK(index.offset_of({1, 0}, kUtf16) == size_t{2});
  CHECK(index.offset_of({2, 0}, kUtf16) == size_t{2});  // one past: the end, as some clients send
  CHECK_FALSE(index.offset_of({2, 1}, kUtf16));
  CHECK_FALSE(index.offset_of({7, 0}, kUtf16));
}

TEST_CASE("surrogate pairs and multi-byte characters in every encoding") {
  // "é" is 2 bytes / 1 unit; "😀" is 4 bytes, 2 UTF-16 units, 1 UTF-32 unit.
  const std::string text = "é😀x";
  const LineIndex index(text);
  const size_t x = text.find('x');
  CHECK(index.position_of(x, kUtf8) == Position{0, 6});
  CHECK(index.position_of(x, kUtf16) == Position{0, 3});
  CHECK(index.position_of(x, kUtf32) == Position{0, 2});
  CHECK(index.offset_of({0, 3}, kUtf16) == x);
  CHECK(index.offset_of({0, 2}, kUtf32) == x);
  CHECK(index.offset_of({0, 6}, kUtf8) == x);
  CHECK(index.offset_of({0, 1}, kUtf16) == size_t{2});  // before the emoji
  // Between the two halves of the surrogate pair: back to the start of the emoji.
  CHECK(index.offset_of({0, 2}, kUtf16) == size_t{2});
  // A UTF-8 column inside a character moves back to its start.
  CHECK(index.offset_of({0, 4}, kUtf8) == size_t{2});
  // An offset inside a character is reported at the character's start.
  CHECK(index.position_of(3, kUtf16) == Position{0, 1});
  CHECK(index.range_of(2, 4, kUtf16) == Range{{0, 1}, {0, 3}});
}

TEST_CASE("offsets past the end clamp to the end") {
  const std::string text = "ab\ncd";
  const LineIndex index(text);
  CHECK(index.position_of(99, kUtf16) == Position{1, 2});
  CHECK(index.range_of(4, 99, kUtf16) == Range{{1, 1}, {1, 2}});
}

TEST_CASE("an empty text has one empty line") {
  const LineIndex index("");
  CHECK(index.line_count() == 1);
  CHECK(index.position_of(0, kUtf16) == Position{0, 0});
  CHECK(index.offset_of({0, 5}, kUtf16) == size_t{0});
}

TEST_CASE("columns on a long single line use the block checkpoints correctly") {
  // 5000 lines' worth of mixed-width characters on one line, then a second line.
  std::string text;
  std::vector<size_t> starts;
  for (int i = 0; i < 5000; ++i) {
    starts.push_back(text.size());
    text += (i % 3 == 0) ? "😀" : (i % 3 == 1 ? "ж" : "a");
  }
  text += "\nz";
  const LineIndex index(text);
  size_t utf16 = 0;
  for (int i = 0; i < 5000; ++i) {
    const size_t offset = starts[static_cast<size_t>(i)];
    CHECK(index.position_of(offset, kUtf16) == Position{0, static_cast<uint32_t>(utf16)});
    CHECK(index.position_of(offset, kUtf32) == Position{0, static_cast<uint32_t>(i)});
    CHECK(index.offset_of({0, static_cast<uint32_t>(utf16)}, kUtf16) == offset);
    CHECK(index.offset_of({0, static_cast<uint32_t>(i)}, kUtf32) == offset);
    utf16 += (i % 3 == 0) ? 2 : 1;
  }
  CHECK(index.offset_of({1, 1}, kUtf16) == text.size());
  CHECK(index.offset_of({0, 999999}, kUtf16) == text.size() - 2);
}
