// Internal to the date extractor: a token stream over one block of prose and the temporal
// vocabulary (months, weekdays, number words, units, hedges). Rules read DateFacts, not this.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace histlint::date_parse {

enum class TokenKind : uint8_t { Word, Number, Punct };

enum class NumberForm : uint8_t {
  Plain,    // "1879"
  Ordinal,  // "24th", "1st"
  Plural,   // "1930s", "1930's"
  Glued,    // digits stuck to letters or part of a larger figure: "5trotsky", "1,000", "3.5"
};

struct Token {
  uint32_t begin = 0;
  uint32_t end = 0;
  TokenKind kind = TokenKind::Punct;
  NumberForm number_form = NumberForm::Plain;
  bool space_before = true;   // white space (or the block start) separates it from the last token
  bool capitalised = false;   // words: the first letter is upper case
  bool in_quotation = false;  // inside “…”, "…" or ‘…’
  uint8_t paren_depth = 0;    // open ( and [ before the token in its block
  uint8_t digits = 0;         // numbers: count of digits
  char32_t punct = 0;         // punctuation: the code point
  int32_t value = 0;          // numbers: the value, capped at 999'999'999
};

// Splits [begin, end) of the prose text into tokens, reusing `out`'s storage.
void tokenize(std::string_view prose, size_t begin, size_t end, std::vector<Token>& out);

// Lower-case ASCII comparison; non-ASCII bytes compare exactly.
bool equals_folded(std::string_view word, std::string_view lower);

// The vocabulary. Each takes the word as written and ignores case.
int month_number(std::string_view word);  // "November", "Nov", "Sept" -> 1..12; 0 when not
bool is_month_abbreviation(std::string_view word);  // "Nov" (may be followed by '.')
int weekday_number(std::string_view word);  // "Tuesday", "Tue", "Tues" -> 0..6 (Monday 0); -1
int cardinal_word(std::string_view word);   // "one".."ninety", "hundred" -> value; -1
int ordinal_word(std::string_view word);    // "first".."ninetieth", "hundredth"; -1
// Anniversary nouns: "centenary" -> 100, "bicentennial" -> 200, "sesquicentenary" -> 150; 0.
int anniversary_noun_years(std::string_view word);

enum class UnitWord : uint8_t { None, Day, Week, Fortnight, Month, Year, Decade, Century };
UnitWord unit_word(std::string_view word);  // singular and plural, "yrs"

}  // namespace histlint::date_parse
