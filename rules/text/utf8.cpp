#include "rules/text/utf8.h"

namespace histlint::utf8 {

char32_t decode(std::string_view s, size_t pos, size_t& length) {
  length = 1;
  const auto b0 = static_cast<unsigned char>(s[pos]);
  if (b0 < 0x80) return b0;
  int extra = 0;
  char32_t cp = 0;
  char32_t min = 0;
  if ((b0 & 0xE0) == 0xC0) {
    extra = 1, cp = b0 & 0x1F, min = 0x80;
  } else if ((b0 & 0xF0) == 0xE0) {
    extra = 2, cp = b0 & 0x0F, min = 0x800;
  } else if ((b0 & 0xF8) == 0xF0) {
    extra = 3, cp = b0 & 0x07, min = 0x10000;
  } else {
    return kReplacement;
  }
  if (pos + extra >= s.size()) return kReplacement;
  for (int i = 1; i <= extra; ++i) {
    const auto b = static_cast<unsigned char>(s[pos + i]);
    if ((b & 0xC0) != 0x80) return kReplacement;
    cp = (cp << 6) | (b & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return kReplacement;
  length = static_cast<size_t>(extra) + 1;
  return cp;
}

char32_t decode_before(std::string_view s, size_t pos, size_t& length) {
  length = 0;
  if (pos == 0) return 0;
  size_t start = pos - 1;
  while (start > 0 && pos - start < 4 && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80) {
    --start;
  }
  size_t decoded_length = 0;
  const char32_t cp = decode(s, start, decoded_length);
  if (start + decoded_length != pos) {  // malformed: step back one byte
    length = 1;
    return kReplacement;
  }
  length = decoded_length;
  return cp;
}

bool is_valid(std::string_view s, size_t* first_error) {
  size_t pos = 0;
  while (pos < s.size()) {
    if (static_cast<unsigned char>(s[pos]) < 0x80) {
      ++pos;
      continue;
    }
    size_t length = 0;
    if (decode(s, pos, length) == kReplacement && length == 1) {
      // U+FFFD itself is three bytes long, so length 1 always means malformed input.
      if (first_error) *first_error = pos;
      return false;
    }
    pos += length;
  }
  return true;
}

void append(std::string& out, char32_t c) {
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

bool is_space(char32_t c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' || c == 0x00A0 ||
         c == 0x2009 || c == 0x202F || c == 0x2002 || c == 0x2003 || c == 0x2007 || c == 0x200A ||
         c == 0x2028 || c == 0x2029 || c == 0x3000 || c == 0x1680;
}

bool is_upper(char32_t c) {
  if (c < 0x80) return c >= 'A' && c <= 'Z';
  if (c >= 0xC0 && c <= 0xDE) return c != 0xD7;
  if (c >= 0x100 && c <= 0x17F) return c % 2 == 0 && c != 0x138;  // Latin Extended-A pairs
  if (c >= 0x391 && c <= 0x3A9) return true;                      // Greek
  if (c >= 0x400 && c <= 0x42F) return true;                      // Cyrillic
  return false;
}

bool is_lower(char32_t c) {
  if (c < 0x80) return c >= 'a' && c <= 'z';
  if (c >= 0xDF && c <= 0xFF) return c != 0xF7;
  if (c >= 0x100 && c <= 0x17F) return c % 2 == 1 || c == 0x138;
  if (c >= 0x3AC && c <= 0x3CE) return true;
  if (c >= 0x430 && c <= 0x45F) return true;
  return false;
}

bool is_letter(char32_t c) {
  if (is_upper(c) || is_lower(c)) return true;
  return (c >= 0x180 && c <= 0x24F) || (c >= 0x370 && c <= 0x3FF) || (c >= 0x460 && c <= 0x52F) ||
         (c >= 0x1E00 && c <= 0x1EFF);
}

bool is_closing_punct(char32_t c) {
  return c == '"' || c == '\'' || c == ')' || c == ']' || c == 0x201D || c == 0x2019 ||
         c == 0x00BB || c == 0x203A;
}

bool is_opening_punct(char32_t c) {
  return c == '"' || c == '\'' || c == '(' || c == '[' || c == 0x201C || c == 0x2018 ||
         c == 0x00AB || c == 0x2039 || c == 0x201E;
}

}  // namespace histlint::utf8
