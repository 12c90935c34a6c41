// JSON written straight into a string, for the few answers large enough that building an
// nlohmann value and dumping it costs more than the answer itself (a timeline or the inlay hints
// of a 1 MB document: tens of thousands of values). The caller writes the structure; commas
// between values are its business too (`comma(first)`). Strings come out as nlohmann's dump
// would write them: invalid UTF-8 replaced by U+FFFD, control characters escaped.
#pragma once

#include <charconv>
#include <cstdint>
#include <string>
#include <string_view>
#include <type_traits>

#include "rules/text/utf8.h"

namespace histlint {

class JsonText {
 public:
  std::string& text() { return out_; }

  // `"key":`
  JsonText& key(std::string_view name) {
    string(name);
    out_ += ':';
    return *this;
  }
  JsonText& raw(std::string_view json) {
    out_ += json;
    return *this;
  }
  // A ',' unless this is the first value of its array or object; clears `first`.
  JsonText& comma(bool& first) {
    if (!first) out_ += ',';
    first = false;
    return *this;
  }

  template <class Integer>
  requires std::is_integral_v<Integer> JsonText& number(Integer value) {
    if constexpr (std::is_same_v<Integer, bool>) {
      out_ += value ? "true" : "false";
    } else {
      char buffer[24];
      const auto end = std::to_chars(buffer, buffer + sizeof buffer, value).ptr;
      out_.append(buffer, end);
    }
    return *this;
  }

  JsonText& string(std::string_view s) {
    out_ += '"';
    size_t plain = 0;  // start of the run of bytes copied as they are
    for (size_t i = 0; i < s.size();) {
      const auto byte = static_cast<unsigned char>(s[i]);
      if (byte >= 0x80) {
        size_t length = 1;
        if (utf8::decode(s, i, length) == utf8::kReplacement && !is_replacement_char(s, i)) {
          out_.append(s, plain, i - plain);
          out_ += "\xEF\xBF\xBD";
          plain = i + length;
        }
        i += length;
        continue;
      }
      if (byte >= 0x20 && byte != '"' && byte != '\\') {
        ++i;
        continue;
      }
      out_.append(s, plain, i - plain);
      escape(byte);
      plain = ++i;
    }
    out_.append(s, plain, s.size() - plain);
    out_ += '"';
    return *this;
  }

  template <class Range, class Write>
  JsonText& array(const Range& items, Write write) {
    out_ += '[';
    bool first = true;
    for (const auto& item : items) {
      comma(first);
      write(*this, item);
    }
    out_ += ']';
    return *this;
  }

 private:
  // U+FFFD written as such, which decode cannot tell from an invalid sequence.
  static bool is_replacement_char(std::string_view s, size_t i) {
    return s.substr(i, 3) == "\xEF\xBF\xBD";
  }

  void escape(unsigned char byte) {
    switch (byte) {
      case '"':
        out_ += "\\\"";
        return;
      case '\\':
        out_ += "\\\\";
        return;
      case '\b':
        out_ += "\\b";
        return;
      case '\f':
        out_ += "\\f";
        return;
      case '\n':
        out_ += "\\n";
        return;
      case '\r':
        out_ += "\\r";
        return;
      case '\t':
        out_ += "\\t";
        return;
      default: {
        static constexpr char kHex[] = "0123456789abcdef";
        out_ += "\\u00";
        out_ += kHex[byte >> 4];
        out_ += kHex[byte & 0xF];
      }
    }
  }

  std::string out_;
};

}  // namespace histlint
