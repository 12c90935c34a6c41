// Internal to the date extractor: the scanner that turns one block's tokens into DateFacts.
// Absolute dates live in dates.cpp, relative expressions, ages and anniversaries in
// date_relative.cpp.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "rules/extract/date_tokens.h"
#include "rules/extract/dates.h"
#include "rules/text/document.h"

namespace histlint::date_parse {

// A date read at some token, before it is placed in a mention.
struct Point {
  DateValue value;   // year 0 when the text gives none ("7 November", "March" in a range)
  size_t first = 0;  // token range [first, next)
  size_t next = 0;
  std::optional<calendar::Weekday> weekday;
  size_t weekday_token = SIZE_MAX;
  std::optional<DateValue> alternate;  // the other calendar's reading, "[O.S. 26 October]"
  size_t alternate_first = 0;
  size_t alternate_next = 0;
  bool alternate_marked = false;
  bool bare_year = false;   // a plain year number with no month, season or era
  bool bare_month = false;  // a month name alone, only valid as a range start
};

class BlockParser {
 public:
  BlockParser(const Document& doc, DateFacts& out) : doc_(doc), text_(doc.prose()), out_(out) {}

  void parse_block(uint32_t block_index);

 private:
  // Token access.
  size_t size() const { return tokens_.size(); }
  const Token& tok(size_t i) const { return tokens_[i]; }
  std::string_view word(size_t i) const {  // empty unless a word
    if (i >= size() || tok(i).kind != TokenKind::Word) return {};
    return text_.substr(tok(i).begin, tok(i).end - tok(i).begin);
  }
  bool is_word(size_t i, std::string_view lower) const {
    return i < size() && tok(i).kind == TokenKind::Word &&
           tok(i).end - tok(i).begin == lower.size() && equals_folded(word(i), lower);
  }
  // The vocabulary entry of a word token; an empty one for anything else or past the end.
  const Lexeme& lex(size_t i) const {
    static const Lexeme kNone;
    return i < size() && tok(i).kind == TokenKind::Word ? tok(i).lex : kNone;
  }
  bool is_punct(size_t i, char32_t c) const;
  bool is_dash(size_t i) const;  // hyphen, en dash, em dash, minus
  // Punctuation attached to the previous token (no white space before it).
  bool attached(size_t i) const { return i < size() && !tok(i).space_before; }
  Span span_of(size_t first, size_t next) const;
  uint32_t sentence_of(size_t token) const;

  // Where to end a window of a long block that starts at `begin`, near `wanted`.
  size_t window_end(size_t begin, size_t wanted) const;
  static constexpr size_t kWindowBytes = 64 * 1024;

  // Absolute dates (dates.cpp).
  size_t try_date(size_t i);
  std::optional<Point> parse_point(size_t i, bool in_range);
  bool parse_day_month(size_t i, Point& p);
  bool parse_month_first(size_t i, Point& p);
  bool parse_iso(size_t i, Point& p);
  bool parse_part_of_period(size_t i, Point& p);
  bool parse_decade(size_t i, Point& p, PeriodPart part);
  bool parse_century(size_t i, Point& p, PeriodPart part);
  // A month name; one in another language than English only when `full_date` (a day and year
  // around it are required by the caller).
  int month_at(size_t i, size_t& next, bool full_date = false) const;
  size_t after_russian_year_word(size_t i) const;
  // "nineteen ninety-six" -> 1996; sets `next`, or returns 0.
  int year_in_words_at(size_t i, size_t& next) const;  // past "г." or "года" after a year
  int day_at(size_t i) const;
  // A year number with an optional era ("44 BC", "AD 79"); sets `next` and whether an era
  // was written. Three-digit years need an era unless `allow_short`.
  std::optional<int> year_at(size_t i, size_t& next, bool& era, bool allow_short) const;
  // "10 February 1697/8": an Old Style date from 1 January to 24 March with its year given both
  // ways (the year then began on 25 March). At `i`, just after `year`: returns the later year and
  // moves `next` past it, or 0.
  int dual_year_at(size_t i, int year, int month, size_t& next) const;
  bool era_at(size_t i, size_t& next, bool& before_christ) const;
  bool old_style_marker_at(size_t i, size_t& next, Calendar& calendar) const;
  bool bare_year_in_date_context(size_t i, size_t next) const;
  bool starts_sentence_as_subject(size_t i, size_t next) const;  // "1917 was …"
  bool number_label_before(size_t i) const;                      // "p. 1917", "No. 12"
  bool count_follows(size_t i) const;                            // "1500 soldiers", "1000 years"
  bool parse_alternate(size_t i, Point& p, bool year_follows);
  void finish_value(DateValue& v) const;
  void record(const Point& start, const Point* end, RangeForm form, bool abbreviated, size_t first,
              size_t next);

  // Relative expressions, ages and anniversaries (date_relative.cpp).
  size_t try_relative(size_t i);
  size_t try_age(size_t i);
  size_t try_anniversary(size_t i);
  size_t try_fixed_relative(size_t i);
  size_t try_quantity(size_t i);
  // Expressions dated by the time of writing or the last date (date_deictic.cpp).
  size_t try_deictic(size_t i);
  bool future_before(size_t i) const;  // "will" or "'ll" earlier in the sentence
  void record_deictic(DeicticMention m, size_t first, size_t next);
  // A count ("thirty-two", "32", "a", "three or four"); sets [low, high] and `next`.
  bool amount_at(size_t i, double& low, double& high, size_t& next) const;
  bool number_words_at(size_t i, int& value, size_t& next) const;
  bool ordinal_at(size_t i, int& value, size_t& next) const;
  LifeEventKind life_event_words(size_t first, size_t next) const;
  size_t object_phrase_end(size_t i) const;

  const Document& doc_;
  std::string_view text_;
  DateFacts& out_;
  std::vector<Token> tokens_;
  uint32_t block_ = 0;
  bool block_quoted_ = false;
  bool block_references_ = false;
  bool block_heading_ = false;
  size_t last_date_next_ = SIZE_MAX;  // token after the last recorded date, for year lists
};

}  // namespace histlint::date_parse
