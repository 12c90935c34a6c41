// Internal to the date extractor: a token stream over one block of prose and the temporal
// vocabulary (months, weekdays, number words, units, hedges). Rules read DateFacts, not this.
#pragma once

#include <cstdint>
#include <initializer_list>
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

// The language of a month or weekday name. Names in other languages than English are read only in
// a full date (day, month and year), where they may be lower case: "21 août 1940".
enum class Language : uint8_t { English, French, German, Spanish, Italian, Russian };

enum class UnitWord : uint8_t { None, Day, Week, Fortnight, Month, Year, Decade, Century };

// What the vocabulary knows of a word, looked up once when the word is tokenized.
struct Lexeme {
  int16_t cardinal = -1;    // "thirty" -> 30
  int16_t ordinal = -1;     // "sixtieth" -> 60
  int16_t anniversary = 0;  // "bicentenary" -> 200
  int8_t month = 0;         // "Nov" -> 11
  int8_t weekday = -1;      // "Tuesday" -> 1 (Monday 0)
  UnitWord unit = UnitWord::None;
  bool month_abbreviation = false;        // "Nov", "Sept": may be followed by '.'
  Language language = Language::English;  // of the month or weekday name
  // The word may open a date or a relative expression; scanning skips every other word.
  bool may_start = false;
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
  Lexeme lex;                 // words: what the vocabulary knows of them
};

// Quotation and bracket state carried from one stretch of a block to the next.
struct ScanState {
  bool double_quote_open = false;
  bool single_quote_open = false;
  uint8_t paren_depth = 0;
  bool inside_quotation() const { return double_quote_open || single_quote_open; }
};

// Splits [begin, end) of the prose text into tokens, reusing `out`'s storage.
void tokenize(std::string_view prose, size_t begin, size_t end, ScanState& state,
              std::vector<Token>& out);

// Lower-case ASCII comparison; non-ASCII bytes compare exactly.
bool equals_folded(std::string_view word, std::string_view lower);
// equals_folded against each of a list of lower-case words.
bool equals_any_folded(std::string_view word, std::initializer_list<std::string_view> lowers);

// The vocabulary entry of a word as written (case ignored); a default Lexeme when unknown.
Lexeme lookup_word(std::string_view word);

}  // namespace histlint::date_parse
