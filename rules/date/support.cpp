#include "rules/date/support.h"

#include <algorithm>
#include <cmath>

#include "rules/text/utf8.h"

namespace histlint::date_rules {

DayInterval interval_of(const PartialDate& date) {
  const CivilDate& d = date.date;
  const Calendar cal = date.calendar;
  auto month_days = [&](int year, int month) { return calendar::days_in_month(year, month, cal); };
  switch (date.precision) {
    case DatePrecision::Day: {
      const int64_t day = calendar::day_number_unchecked(d.year, d.month, d.day, cal);
      return {day, day};
    }
    case DatePrecision::Month:
      return {calendar::day_number_unchecked(d.year, d.month, 1, cal),
              calendar::day_number_unchecked(d.year, d.month, month_days(d.year, d.month), cal)};
    case DatePrecision::Year:
      return {calendar::day_number_unchecked(d.year, 1, 1, cal),
              calendar::day_number_unchecked(d.year, 12, 31, cal)};
    case DatePrecision::Decade:
      return {calendar::day_number_unchecked(d.year, 1, 1, cal),
              calendar::day_number_unchecked(d.year + 9, 12, 31, cal)};
    case DatePrecision::Century:
      return {calendar::day_number_unchecked(d.year, 1, 1, cal),
              calendar::day_number_unchecked(d.year + 99, 12, 31, cal)};
  }
  return {};
}

AgeRange age_range(const PartialDate& birth, int64_t first, int64_t last) {
  const DayInterval b = interval_of(birth);
  AgeRange r{calendar::completed_years(b.last, first, birth.calendar),
             calendar::completed_years(b.first, last, birth.calendar)};
  if (birth.julian || birth.calendar == Calendar::Julian) {
    // A birthday kept in the other calendar falls 10 to 13 days apart.
    const Calendar other =
        birth.calendar == Calendar::Julian ? Calendar::Gregorian : Calendar::Julian;
    r.min = std::min(r.min, calendar::completed_years(b.last, first, other));
    r.max = std::max(r.max, calendar::completed_years(b.first, last, other));
  }
  return r;
}

std::string age_text(const AgeRange& r) {
  if (r.min == r.max) return std::to_string(r.min);
  if (r.max == r.min + 1) return std::to_string(r.min) + " or " + std::to_string(r.max);
  return "between " + std::to_string(r.min) + " and " + std::to_string(r.max);
}

std::string_view pronoun_for(const Person* person) {
  if (person && person->sex == Sex::Male) return "he";
  if (person && person->sex == Sex::Female) return "she";
  return "they";
}

std::string dated(const PartialDate& date) {
  return (date.precision == DatePrecision::Day ? "on " : "in ") + date.display();
}

bool is_narrative(const DateMention& d) {
  return !d.in_quotation && !d.in_references && !d.in_heading && !d.sic;
}

bool elapsed_fits(const Quantity& q, double min_days, double max_days) {
  const double per_unit = days_per_unit(q.unit);
  const double low = min_days / per_unit;
  const double high = max_days / per_unit;
  // One unit either way ("two years later" for 1923 to 1925), or a tenth of large amounts;
  // a quarter when the text itself says "about".
  const double margin = std::max(1.0, (q.hedge == Hedge::About ? 0.25 : 0.1) * q.high);
  switch (q.hedge) {
    case Hedge::Exact:
    case Hedge::About:
    case Hedge::Almost:
      return high >= q.low - margin && low <= q.high + margin;
    case Hedge::AtMost:
      return low <= q.high + margin;
    case Hedge::AtLeast:
      return high >= q.low - margin;
  }
  return true;
}

std::string describe_elapsed(double min_days, double max_days, TimeUnit unit) {
  const double per_unit = days_per_unit(unit);
  const double low = min_days / per_unit;
  const double high = max_days / per_unit;
  auto amount = [&](long n) {
    return std::to_string(n) + " " + std::string(unit_name(unit, n != 1));
  };
  if (high - low < 1.5) return "about " + amount(std::lround((low + high) / 2));
  if (low < 0.5) return "less than " + amount(static_cast<long>(std::ceil(high)));
  return "between " + std::to_string(static_cast<long>(std::floor(low))) + " and " +
         amount(static_cast<long>(std::ceil(high)));
}

std::string quoted_phrase(const Document& doc, Span span) {
  std::string text(doc.slice(span));
  const Sentence* s = doc.sentence_at(span.offset);
  if (s && s->span.offset == span.offset && !text.empty() && text[0] >= 'A' && text[0] <= 'Z' &&
      !(text.size() > 1 && text[1] >= 'A' && text[1] <= 'Z')) {
    text[0] = static_cast<char>(text[0] - 'A' + 'a');
  }
  return text;
}

bool has_word(std::string_view text, const std::function<bool(std::string_view)>& matches) {
  size_t pos = 0;
  while (pos < text.size()) {
    size_t len = 0;
    if (!utf8::is_letter(utf8::decode(text, pos, len))) {
      pos += len;
      continue;
    }
    const size_t start = pos;
    while (pos < text.size() && utf8::is_letter(utf8::decode(text, pos, len))) pos += len;
    if (matches(text.substr(start, pos - start))) return true;
  }
  return false;
}

bool has_finite_verb(const Document& doc, const Sentence& sentence) {
  return has_word(doc.prose_slice(sentence.span), [](std::string_view w) {
    if (w.size() >= 4 && w.substr(w.size() - 2) == "ed") return true;
    for (std::string_view v :
         {"was",   "were",  "is",     "are",  "had",  "has",   "have",  "did",    "does", "died",
          "dies",  "lived", "became", "went", "left", "wrote", "made",  "took",   "gave", "came",
          "saw",   "fell",  "led",    "won",  "lost", "ran",   "began", "fought", "held", "met",
          "spent", "rose",  "sent",   "set",  "kept", "told",  "found", "got"}) {
      if (w == v) return true;
    }
    return false;
  });
}

std::string_view previous_word(const Document& doc, size_t offset) {
  const std::string_view prose = doc.prose();
  size_t pos = std::min(offset, prose.size());
  size_t len = 0;
  while (pos > 0 && !utf8::is_letter(utf8::decode_before(prose, pos, len))) {
    const char32_t c = utf8::decode_before(prose, pos, len);
    if (c == '.' || c == '!' || c == '?' || c == '\n') return {};
    pos -= len;
  }
  const size_t end = pos;
  while (pos > 0 && utf8::is_letter(utf8::decode_before(prose, pos, len))) pos -= len;
  return prose.substr(pos, end - pos);
}

size_t words_between(const Document& doc, size_t from, size_t to) {
  if (to < from) std::swap(from, to);
  const std::string_view gap = std::string_view(doc.prose()).substr(from, to - from);
  size_t words = 0;
  bool in_word = false;
  for (size_t i = 0; i < gap.size();) {
    size_t len = 0;
    const char32_t c = utf8::decode(gap, i, len);
    if (c == '.' || c == ';' || c == ':' || c == '!' || c == '?') return SIZE_MAX;
    const bool letter = utf8::is_letter(c) || utf8::is_digit(c);
    if (letter && !in_word) ++words;
    in_word = letter;
    i += len;
  }
  return words;
}

}  // namespace histlint::date_rules
