#include "protocol/positions.h"

#include <algorithm>

namespace histlint::protocol {

namespace {

bool is_continuation(unsigned char c) {
  return (c & 0xC0) == 0x80;
}

// Code units of the character whose lead byte is `c`. Malformed bytes count as one unit, as the
// U+FFFD a client would show for them.
size_t width(unsigned char c, PositionEncoding encoding) {
  if (encoding == PositionEncoding::Utf16 && c >= 0xF0) return 2;  // a surrogate pair
  return 1;
}

}  // namespace

std::string_view encoding_name(PositionEncoding encoding) {
  switch (encoding) {
    case PositionEncoding::Utf8:
      return "utf-8";
    case PositionEncoding::Utf16:
      return "utf-16";
    case PositionEncoding::Utf32:
      return "utf-32";
  }
  return "utf-16";
}

std::optional<PositionEncoding> parse_encoding(std::string_view name) {
  if (name == "utf-8") return PositionEncoding::Utf8;
  if (name == "utf-16") return PositionEncoding::Utf16;
  if (name == "utf-32") return PositionEncoding::Utf32;
  return std::nullopt;
}

LineIndex::LineIndex(std::string_view text) : text_(text) {
  line_starts_.push_back(0);
  utf16_before_block_.reserve(text.size() / kBlock + 1);
  utf32_before_block_.reserve(text.size() / kBlock + 1);
  size_t utf16 = 0;
  size_t utf32 = 0;
  for (size_t block_start = 0; block_start <= text.size(); block_start += kBlock) {
    utf16_before_block_.push_back(utf16);
    utf32_before_block_.push_back(utf32);
    const size_t block_end = std::min(text.size(), block_start + kBlock);
    for (size_t i = block_start; i < block_end; ++i) {
      const auto c = static_cast<unsigned char>(text[i]);
      const bool lead = !is_continuation(c);
      utf32 += lead;
      utf16 += lead + (c >= 0xF0);
      if (c == '\n') {
        line_starts_.push_back(i + 1);
      } else if (c == '\r' && (i + 1 >= text.size() || text[i + 1] != '\n')) {
        line_starts_.push_back(i + 1);
      }
    }
  }
}

size_t LineIndex::line_end(size_t line) const {
  const size_t start = line_starts_[line];
  if (line + 1 >= line_starts_.size()) return text_.size();
  size_t end = line_starts_[line + 1];
  if (end > start && text_[end - 1] == '\n') --end;
  if (end > start && text_[end - 1] == '\r') --end;
  return end;
}

size_t LineIndex::units_between(size_t from, size_t to, PositionEncoding encoding) const {
  if (encoding == PositionEncoding::Utf8) return to - from;
  size_t units = 0;
  for (size_t i = from; i < to; ++i) {
    const auto c = static_cast<unsigned char>(text_[i]);
    units += !is_continuation(c);
    if (encoding == PositionEncoding::Utf16) units += c >= 0xF0;
  }
  return units;
}

size_t LineIndex::units_before(size_t offset, PositionEncoding encoding) const {
  if (encoding == PositionEncoding::Utf8) return offset;
  const size_t block = offset / kBlock;
  const auto& before =
      encoding == PositionEncoding::Utf16 ? utf16_before_block_ : utf32_before_block_;
  return before[block] + units_between(block * kBlock, offset, encoding);
}

Position LineIndex::position_of(size_t offset, PositionEncoding encoding) const {
  offset = std::min(offset, text_.size());
  while (offset > 0 && offset < text_.size() &&
         is_continuation(static_cast<unsigned char>(text_[offset]))) {
    --offset;
  }
  if (offset > 0 && offset < text_.size() && text_[offset] == '\n' && text_[offset - 1] == '\r') {
    --offset;
  }
  const auto after = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  const auto line = static_cast<size_t>(after - line_starts_.begin()) - 1;
  const size_t start = line_starts_[line];
  const size_t column = units_before(offset, encoding) - units_before(start, encoding);
  return {static_cast<uint32_t>(line), static_cast<uint32_t>(column)};
}

Range LineIndex::range_of(size_t offset, size_t length, PositionEncoding encoding) const {
  const size_t end = offset + std::min(length, text_.size() - std::min(offset, text_.size()));
  return {position_of(offset, encoding), position_of(end, encoding)};
}

std::optional<size_t> LineIndex::offset_of(Position position, PositionEncoding encoding) const {
  if (position.line >= line_starts_.size()) {
    if (position.line == line_starts_.size() && position.character == 0) return text_.size();
    return std::nullopt;
  }
  const size_t start = line_starts_[position.line];
  const size_t end = line_end(position.line);
  if (encoding == PositionEncoding::Utf8) {
    size_t offset = start + std::min<size_t>(position.character, end - start);
    while (offset > start && is_continuation(static_cast<unsigned char>(text_[offset]))) --offset;
    return offset;
  }
  const size_t wanted = units_before(start, encoding) + position.character;
  if (units_before(end, encoding) <= wanted) return end;

  // Start the scan from the last block boundary inside the line that does not pass `wanted`.
  const auto& before =
      encoding == PositionEncoding::Utf16 ? utf16_before_block_ : utf32_before_block_;
  size_t offset = start;
  size_t units = units_before(start, encoding);
  const size_t first_block = (start + kBlock - 1) / kBlock;
  const size_t last_block = end / kBlock;
  if (first_block <= last_block && before[first_block] <= wanted) {
    const auto past =
        std::upper_bound(before.begin() + static_cast<ptrdiff_t>(first_block),
                         before.begin() + static_cast<ptrdiff_t>(last_block) + 1, wanted);
    const auto block = static_cast<size_t>(past - before.begin()) - 1;
    offset = block * kBlock;
    units = before[block];
  }
  for (; offset < end; ++offset) {
    const auto c = static_cast<unsigned char>(text_[offset]);
    if (is_continuation(c)) continue;
    const size_t w = width(c, encoding);
    if (units >= wanted || units + w > wanted) return offset;
    units += w;
  }
  return end;
}

}  // namespace histlint::protocol
