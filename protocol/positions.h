// LSP positions over UTF-8 text: byte offset <-> (line, column) in UTF-8, UTF-16 or UTF-32 code
// units. Lines end at "\n", "\r\n" or "\r", as the LSP specification says.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace histlint::protocol {

enum class PositionEncoding { Utf8, Utf16, Utf32 };

std::string_view encoding_name(PositionEncoding encoding);  // "utf-8", "utf-16", "utf-32"
std::optional<PositionEncoding> parse_encoding(std::string_view name);

struct Position {
  uint32_t line = 0;
  uint32_t character = 0;  // code units of the negotiated encoding
  bool operator==(const Position&) const = default;
};

struct Range {
  Position start;
  Position end;
  bool operator==(const Range&) const = default;
};

// An index of a text's lines. It views the text: the text must outlive it and must not move.
// Column conversions cost O(1 KiB) of scanning even on a 50 MB single-line text.
class LineIndex {
 public:
  explicit LineIndex(std::string_view text);

  std::string_view text() const { return text_; }
  size_t line_count() const { return line_starts_.size(); }
  size_t line_start(size_t line) const { return line_starts_[line]; }
  // The end of the line's content, before its terminator.
  size_t line_end(size_t line) const;

  // The position of a byte offset. Offsets past the end are clamped to the end; an offset inside
  // a multi-byte character or a "\r\n" pair moves back to the start of the character / pair.
  Position position_of(size_t offset, PositionEncoding encoding) const;
  Range range_of(size_t offset, size_t length, PositionEncoding encoding) const;

  // The byte offset of a position. A column past the end of its line is clamped to the line's
  // end (LSP says so); a column inside a character moves back to its start. A line past the last
  // line is an error (nullopt), except (line_count(), 0), which some clients send for the end.
  std::optional<size_t> offset_of(Position position, PositionEncoding encoding) const;

 private:
  // Code units of `encoding` that the characters starting in [from, to) take.
  size_t units_between(size_t from, size_t to, PositionEncoding encoding) const;
  size_t units_before(size_t offset, PositionEncoding encoding) const;

  std::string_view text_;
  std::vector<size_t> line_starts_;
  // UTF-16 and UTF-32 units of the characters starting before each kBlock-byte boundary.
  static constexpr size_t kBlock = 1024;
  std::vector<size_t> utf16_before_block_;
  std::vector<size_t> utf32_before_block_;
};

}  // namespace histlint::protocol
