// Small UTF-8 helpers shared by the text model, extractors and rules.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace histlint::utf8 {

inline constexpr char32_t kReplacement = 0xFFFD;

// Decodes the code point starting at s[pos]; sets `length` to its byte length (at least 1).
// Malformed input decodes as U+FFFD with length 1, so scanning always advances.
char32_t decode(std::string_view s, size_t pos, size_t& length);

// Decodes the code point that ends just before s[pos]; sets `length` (0 at the start of s).
char32_t decode_before(std::string_view s, size_t pos, size_t& length);

// Appends the UTF-8 encoding of a code point.
void append(std::string& out, char32_t c);

// True when every byte sequence in s is well-formed UTF-8 (no overlongs, no surrogates).
bool is_valid(std::string_view s, size_t* first_error = nullptr);

bool is_space(char32_t c);  // ASCII white space, no-break and thin spaces, line separators
bool is_upper(char32_t c);  // Latin, Greek and Cyrillic capitals
bool is_lower(char32_t c);
bool is_letter(char32_t c);
inline bool is_digit(char32_t c) {
  return c >= '0' && c <= '9';
}
// Closing quotation marks and brackets that may follow sentence-final punctuation.
bool is_closing_punct(char32_t c);
// Opening quotation marks and brackets that may start a sentence.
bool is_opening_punct(char32_t c);

}  // namespace histlint::utf8
