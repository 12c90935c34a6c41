#include "rules/extract/people_intro.h"

#include <algorithm>
#include <cctype>
#include <unordered_set>

#include "rules/calendar/calendar.h"
#include "rules/kb/name_fold.h"
#include "rules/text/utf8.h"

namespace histlint::people_intro {

namespace {

bool is_ascii_digit(char c) {
  return c >= '0' && c <= '9';
}
bool is_ascii_alpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

size_t skip_spaces(std::string_view text, size_t pos, size_t limit) {
  while (pos < limit) {
    size_t length = 0;
    if (!utf8::is_space(utf8::decode(text, pos, length))) break;
    pos += length;
  }
  return pos;
}

// An ASCII word at pos (letters only); empty when none.
std::string_view word_at(std::string_view text, size_t pos, size_t limit) {
  size_t end = pos;
  while (end < limit && is_ascii_alpha(text[end])) ++end;
  return text.substr(pos, end - pos);
}

bool equals_ignoring_case(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

// 1..12 for a month name or its usual abbreviation, else 0.
int month_number(std::string_view word) {
  static constexpr std::string_view kAbbreviations[12] = {"jan", "feb", "mar", "apr", "may", "jun",
                                                          "jul", "aug", "sep", "oct", "nov", "dec"};
  if (word.size() < 3) return 0;
  for (int m = 1; m <= 12; ++m) {
    if (equals_ignoring_case(word, calendar::month_name(m))) return m;
    if (equals_ignoring_case(word, kAbbreviations[m - 1])) return m;
  }
  if (equals_ignoring_case(word, "sept")) return 9;
  return 0;
}

// Digits at pos: value and count (count 0 when none, capped at 5 digits).
int read_number(std::string_view text, size_t pos, size_t limit, size_t& digits) {
  digits = 0;
  int value = 0;
  while (pos + digits < limit && is_ascii_digit(text[pos + digits]) && digits < 5) {
    value = value * 10 + (text[pos + digits] - '0');
    ++digits;
  }
  return value;
}

// A dash between two dates: en dash, em dash, minus, or a hyphen; returns its byte length or 0.
size_t dash_length(std::string_view text, size_t pos) {
  if (pos >= text.size()) return 0;
  if (text[pos] == '-') return 1;
  size_t length = 0;
  const char32_t c = utf8::decode(text, pos, length);
  return (c == 0x2013 || c == 0x2014 || c == 0x2212 || c == 0x2012) ? length : 0;
}

// "st", "nd", "rd", "th" after a day number.
size_t skip_ordinal(std::string_view text, size_t pos, size_t limit) {
  const auto w = word_at(text, pos, limit);
  if (equals_ignoring_case(w, "st") || equals_ignoring_case(w, "nd") ||
      equals_ignoring_case(w, "rd") || equals_ignoring_case(w, "th")) {
    return pos + 2;
  }
  return pos;
}

bool valid_day(int year, int month, int day, Calendar calendar) {
  return calendar::is_valid_date(year, month, day, calendar);
}

// "[O.S. 26 October]", "(O.S. 26 October 1879)", "[26 October O.S.]", "[N.S. 7 November]".
struct StyleNote {
  int day = 0;
  int month = 0;
  int year = 0;  // 0 when not given
  bool new_style = false;
  size_t end = 0;
};

std::optional<StyleNote> read_style_note(std::string_view text, size_t pos, size_t limit) {
  if (pos >= limit || (text[pos] != '[' && text[pos] != '(')) return std::nullopt;
  const char close = text[pos] == '[' ? ']' : ')';
  const size_t found = text.substr(pos, 42).find(close);
  if (found == std::string_view::npos || pos + found >= limit) return std::nullopt;
  const size_t end = pos + found;
  std::string letters;  // the style marker with dots and spaces removed: "OS" or "NS"
  StyleNote note;
  size_t p = pos + 1;
  while (p < end) {
    const char c = text[p];
    if (is_ascii_digit(c)) {
      size_t digits = 0;
      const int value = read_number(text, p, end, digits);
      if (digits <= 2 && note.day == 0) {
        note.day = value;
      } else if (digits == 4 && note.year == 0) {
        note.year = value;
      } else {
        return std::nullopt;
      }
      p += digits;
      p = skip_ordinal(text, p, end);
    } else if (is_ascii_alpha(c)) {
      const auto w = word_at(text, p, end);
      if (const int m = month_number(w); m && w.size() > 2) {
        note.month = m;
      } else if (w.size() <= 2) {
        letters += w;
      } else {
        return std::nullopt;
      }
      p += w.size();
    } else {
      ++p;
    }
  }
  if (letters != "OS" && letters != "NS") return std::nullopt;
  if (note.day == 0 || note.month == 0) return std::nullopt;
  note.new_style = letters == "NS";
  note.end = end + 1;
  return note;
}

// Fills `out` from a stated day and an Old Style (or New Style) note beside it.
void apply_style_note(PartialDate& out, const StyleNote& note) {
  CivilDate other{note.year, note.month, note.day};
  if (other.year == 0) {
    // "7 January 1880 [O.S. 26 December]": the Old Style day may fall in the previous year.
    other.year = out.date.year;
    if (!note.new_style && note.month > out.date.month) other.year -= 1;
    if (note.new_style && note.month < out.date.month) other.year += 1;
  }
  if (note.new_style) {
    if (!valid_day(other.year, other.month, other.day, Calendar::Gregorian)) return;
    out.julian = out.date;
    out.date = other;
  } else {
    if (!valid_day(other.year, other.month, other.day, Calendar::Julian)) return;
    out.julian = other;
  }
}

}  // namespace

std::optional<StatedDate> read_date(std::string_view text, size_t pos, size_t limit) {
  limit = std::min(limit, text.size());
  size_t p = skip_spaces(text, pos, limit);
  const size_t start = p;
  StatedDate out;
  // Approximation markers make a date unusable for comparisons but it is still read.
  if (const auto w = word_at(text, p, limit); !w.empty()) {
    if (equals_ignoring_case(w, "c") || equals_ignoring_case(w, "ca") ||
        equals_ignoring_case(w, "circa") || equals_ignoring_case(w, "about") ||
        equals_ignoring_case(w, "around") || equals_ignoring_case(w, "approximately")) {
      size_t q = p + w.size();
      if (q < limit && text[q] == '.') ++q;
      q = skip_spaces(text, q, limit);
      if (q < limit && (is_ascii_digit(text[q]) || month_number(word_at(text, q, limit)))) {
        out.approximate = true;
        p = q;
      }
    }
  }
  PartialDate& date = out.date;
  size_t end = p;
  if (p < limit && is_ascii_digit(text[p])) {
    size_t digits = 0;
    const int first = read_number(text, p, limit, digits);
    size_t q = p + digits;
    if (digits == 4 && q + 6 <= limit && text[q] == '-' && is_ascii_digit(text[q + 1]) &&
        is_ascii_digit(text[q + 2]) && text[q + 3] == '-' && is_ascii_digit(text[q + 4]) &&
        is_ascii_digit(text[q + 5])) {
      // 1879-11-07
      const int month = (text[q + 1] - '0') * 10 + (text[q + 2] - '0');
      const int day = (text[q + 4] - '0') * 10 + (text[q + 5] - '0');
      if (!valid_day(first, month, day, Calendar::Gregorian)) return std::nullopt;
      date.date = {first, month, day};
      date.precision = DatePrecision::Day;
      end = q + 6;
    } else if (digits <= 2) {
      // 7 November [O.S. 26 October] 1879
      q = skip_ordinal(text, q, limit);
      q = skip_spaces(text, q, limit);
      if (const auto of = word_at(text, q, limit); equals_ignoring_case(of, "of")) {
        q = skip_spaces(text, q + 2, limit);
      }
      const auto month_word = word_at(text, q, limit);
      const int month = month_number(month_word);
      if (!month) return std::nullopt;
      q += month_word.size();
      if (q < limit && text[q] == '.') ++q;
      q = skip_spaces(text, q, limit);
      std::optional<StyleNote> note = read_style_note(text, q, limit);
      if (note) q = skip_spaces(text, note->end, limit);
      if (q < limit && text[q] == ',') q = skip_spaces(text, q + 1, limit);
      size_t year_digits = 0;
      const int year = read_number(text, q, limit, year_digits);
      if (year_digits < 3 || year_digits > 4) return std::nullopt;
      q += year_digits;
      if (!valid_day(year, month, first, Calendar::Gregorian) &&
          !valid_day(year, month, first, Calendar::Julian)) {
        return std::nullopt;
      }
      date.date = {year, month, first};
      date.precision = DatePrecision::Day;
      if (!note) {
        const size_t after = skip_spaces(text, q, limit);
        note = read_style_note(text, after, limit);
        if (note) q = note->end;
      }
      if (note) apply_style_note(date, *note);
      end = q;
    } else if (digits <= 4 && first >= 100) {
      // A bare year; "1870s" is a decade and "1879%" a figure, neither a date here.
      if (q < limit && (is_ascii_alpha(text[q]) || text[q] == '%')) return std::nullopt;
      date.date = {first, 0, 0};
      date.precision = DatePrecision::Year;
      end = q;
      const size_t after = skip_spaces(text, q, limit);
      const auto era = word_at(text, after, limit);
      if (era == "BC" || era == "BCE") {
        date.date.year = -first;
        end = after + era.size();
      } else if (era == "AD" || era == "CE") {
        end = after + era.size();
      }
    } else {
      return std::nullopt;
    }
  } else {
    // November 7, 1879 / November 1879
    const auto month_word = word_at(text, p, limit);
    const int month = month_number(month_word);
    if (!month || !std::isupper(static_cast<unsigned char>(month_word[0]))) return std::nullopt;
    size_t q = p + month_word.size();
    if (q < limit && text[q] == '.') ++q;
    q = skip_spaces(text, q, limit);
    size_t digits = 0;
    const int number = read_number(text, q, limit, digits);
    if (digits == 0) return std::nullopt;
    if (digits <= 2) {
      q = skip_ordinal(text, q + digits, limit);
      if (q < limit && text[q] == ',') ++q;
      q = skip_spaces(text, q, limit);
      size_t year_digits = 0;
      const int year = read_number(text, q, limit, year_digits);
      if (year_digits < 3 || year_digits > 4) return std::nullopt;
      if (!valid_day(year, month, number, Calendar::Gregorian)) return std::nullopt;
      date.date = {year, month, number};
      date.precision = DatePrecision::Day;
      end = q + year_digits;
    } else if (digits == 4) {
      date.date = {number, month, 0};
      date.precision = DatePrecision::Month;
      end = q + digits;
    } else {
      return std::nullopt;
    }
  }
  if (end < limit && is_ascii_digit(text[end])) return std::nullopt;
  // "26 October 1879 O.S." states a Julian date.
  if (date.precision == DatePrecision::Day && !date.julian) {
    const size_t after = skip_spaces(text, end, limit);
    if (text.substr(after, 4) == "O.S." || text.substr(after, 6) == "(O.S.)") {
      date.calendar = Calendar::Julian;
      end = after + (text[after] == '(' ? 6 : 4);
    }
  }
  out.span = Span{start, end - start};
  return out;
}

namespace {

// Skips spaces and footnote markers such as "[2]", "[a]", "[citation needed]".
size_t skip_footnotes(std::string_view text, size_t pos, size_t limit) {
  while (true) {
    pos = skip_spaces(text, pos, limit);
    if (pos >= limit || text[pos] != '[') return pos;
    const size_t found = text.substr(pos, 26).find(']');
    if (found == std::string_view::npos || pos + found >= limit) return pos;
    const size_t close = pos + found;
    const auto inside = text.substr(pos + 1, close - pos - 1);
    if (inside.find("O.S") != std::string_view::npos ||
        month_number(word_at(inside, 0, inside.size()))) {
      return pos;
    }
    pos = close + 1;
  }
}

bool keyword_at(std::string_view text, size_t pos, size_t limit, std::string_view keyword) {
  const auto w = word_at(text, pos, limit);
  if (!equals_ignoring_case(w, keyword)) return false;
  return pos == 0 || !is_ascii_alpha(text[pos - 1]);
}

// Reads "b." / "born" / "d." / "died" at pos; returns the position after it, or npos.
size_t read_life_keyword(std::string_view text, size_t pos, size_t limit, bool& is_birth) {
  const auto w = word_at(text, pos, limit);
  if (equals_ignoring_case(w, "born")) {
    is_birth = true;
    return pos + 4;
  }
  if (equals_ignoring_case(w, "died")) {
    is_birth = false;
    return pos + 4;
  }
  if ((w == "b" || w == "d") && pos + 1 < limit && text[pos + 1] == '.') {
    is_birth = w == "b";
    return pos + 2;
  }
  return std::string_view::npos;
}

// After "born"/"died": optional "on", "in" and a few words before the date, within the part.
std::optional<StatedDate> date_after_keyword(std::string_view text, size_t pos, size_t limit,
                                             size_t max_words) {
  size_t p = pos;
  for (size_t words = 0; words <= max_words && p < limit; ++words) {
    p = skip_spaces(text, p, limit);
    if (auto d = read_date(text, p, limit)) return d;
    if (p >= limit || text[p] == ';' || text[p] == '.' || text[p] == ')' || text[p] == '(') break;
    // Skip one word (or one punctuation mark).
    size_t length = 0;
    const size_t word_start = p;
    while (p < limit) {
      const char32_t c = utf8::decode(text, p, length);
      if (utf8::is_space(c) || c == ';' || c == ')' || c == '(') break;
      p += length;
    }
    if (p == word_start) p += length;
  }
  return std::nullopt;
}

// Life dates inside one part of a parenthesis, or in unbracketed text after a name: "born …",
// "died …", or a range; a lone date is not enough (it may be any event's).
bool read_life_text(std::string_view text, size_t pos, size_t limit, StatedLife& life) {
  size_t p = skip_spaces(text, pos, limit);
  bool is_birth = false;
  if (const size_t after = read_life_keyword(text, p, limit, is_birth);
      after != std::string_view::npos) {
    life.explicit_keyword = true;
    auto date = date_after_keyword(text, after, limit, 4);
    if (!date) return false;
    (is_birth ? life.birth : life.death) = date;
    life.end = date->span.end();
    // "born 1879; died 1940" or "born 1879, died 1940" in the same part.
    if (is_birth) {
      for (size_t q = life.end; q < limit && q < life.end + 120; ++q) {
        bool second_is_birth = true;
        if (is_ascii_alpha(text[q]) && (q == 0 || !is_ascii_alpha(text[q - 1]))) {
          const size_t after_second = read_life_keyword(text, q, limit, second_is_birth);
          if (after_second != std::string_view::npos && !second_is_birth) {
            if (auto death = date_after_keyword(text, after_second, limit, 6)) {
              life.death = death;
              life.end = death->span.end();
            }
            break;
          }
        }
      }
    }
    return true;
  }
  auto first = read_date(text, p, limit);
  if (!first) return false;
  // Between the two dates a birthplace may stand: "7 November 1879, near Yelizavetgrad – …".
  size_t q = first->span.end();
  size_t dash = 0;
  for (; q < limit && q < first->span.end() + 120; ++q) {
    const char c = text[q];
    if (c == ';' || c == '(' || c == ')' || c == '.' || is_ascii_digit(c)) break;
    const size_t len = dash_length(text, q);
    // A hyphen only counts directly after the date ("1879-1940") or between spaces.
    if (len > 1 ||
        (len == 1 && (q == first->span.end() ||
                      (q > 0 && text[q - 1] == ' ' && q + 1 < limit && text[q + 1] == ' ')))) {
      dash = len;
      break;
    }
    if (keyword_at(text, q, limit, "to") && q > first->span.end()) {
      dash = 2;
      break;
    }
  }
  if (dash) {
    const size_t after_dash = skip_spaces(text, q + dash, limit);
    auto second = read_date(text, after_dash, limit);
    if (!second && first->date.precision == DatePrecision::Year && first->date.date.year > 0) {
      // "1879–40": the second year shortened to its last two digits.
      size_t digits = 0;
      const int tail = read_number(text, after_dash, limit, digits);
      if (digits == 2 && (after_dash + 2 >= limit || !is_ascii_digit(text[after_dash + 2]))) {
        const int year = first->date.date.year / 100 * 100 + tail;
        if (year > first->date.date.year) {
          StatedDate shortened;
          shortened.date.date = {year, 0, 0};
          shortened.span = Span{after_dash, 2};
          second = shortened;
        }
      }
    }
    if (second) {
      if (second->date.date.year < first->date.date.year) return false;  // reversed: not a life
      life.birth = first;
      life.death = second;
      life.end = second->span.end();
      return true;
    }
    // "(born 1952 –)" is handled above; "(1952– )" is a living person's open range.
    const size_t after_open = skip_spaces(text, q + dash, limit);
    if (after_open < limit && text[after_open] == ')') {
      life.birth = first;
      life.end = after_open;
      return true;
    }
    return false;
  }
  return false;
}

// A parenthesis part that only holds names: "Lev Davidovich Bronshtein".
void read_alias_part(std::string_view text, size_t begin, size_t end, StatedLife& life) {
  const auto part = text.substr(begin, end - begin);
  if (part.find(':') != std::string_view::npos) return;
  for (char c : part) {
    if (is_ascii_digit(c)) return;
  }
  const auto words = split_name_words(part);
  if (words.empty() || words.size() > 6) return;
  for (const auto& w : words) {
    std::string folded;
    append_folded(folded, part.substr(w.offset, w.length));
    if (!w.capitalised && !is_name_particle(folded)) return;
  }
  std::string alias(part.substr(words.front().offset, words.back().end() - words.front().offset));
  life.aliases.push_back(std::move(alias));
}

}  // namespace

std::optional<StatedLife> read_life_after_name(std::string_view text, size_t pos, size_t limit) {
  // Life dates follow the name closely; a bound keeps a long unbracketed line linear.
  limit = std::min({limit, text.size(), pos + 600});
  StatedLife life;
  size_t p = skip_footnotes(text, pos, limit);
  life.end = pos;
  // Parenthesised groups, each split into parts on ';'.
  while (p < limit && text[p] == '(') {
    int depth = 0;
    size_t close = p;
    std::vector<size_t> part_starts = {p + 1};
    for (; close < limit; ++close) {
      const char c = text[close];
      if (c == '(') {
        ++depth;
      } else if (c == ')') {
        if (--depth == 0) break;
      } else if (c == ';' && depth == 1) {
        part_starts.push_back(close + 1);
      }
    }
    if (close >= limit) break;
    part_starts.push_back(close + 1);
    for (size_t i = 0; i + 1 < part_starts.size(); ++i) {
      const size_t begin = part_starts[i];
      const size_t end = part_starts[i + 1] - 1;
      StatedLife part;
      if (read_life_text(text, begin, end, part)) {
        if (!life.birth) life.birth = part.birth;
        if (!life.death) life.death = part.death;
        life.explicit_keyword |= part.explicit_keyword;
      } else {
        read_alias_part(text, begin, end, life);
      }
      if (keyword_at(text, skip_spaces(text, begin, end), end, "aged")) {
        life.explicit_keyword = true;
      }
    }
    life.end = close + 1;
    p = skip_footnotes(text, close + 1, limit);
  }
  const bool after_brackets = life.end > pos;
  if (!life.birth && !life.death) {
    // Unbracketed: "Leon Trotsky (Lev Davidovich Bronshtein) 7 November 1879, near … – 21 …".
    // Only after a bracket or from a full date: "Trotsky 1929–1940" is a book title's span.
    StatedLife bare;
    if (read_life_text(text, p, limit, bare) && bare.birth && bare.death &&
        (after_brackets || bare.birth->date.precision == DatePrecision::Day)) {
      life.birth = bare.birth;
      life.death = bare.death;
      life.end = bare.end;
      const size_t after = skip_spaces(text, bare.end, limit);
      if (after < limit && text[after] == '(' && keyword_at(text, after + 1, limit, "aged")) {
        life.explicit_keyword = true;
      }
    }
  }
  if (!life.birth && !life.death && !after_brackets && p < limit && text[p] == ',') {
    // An appositive: "George Monk, born 1608, created Duke of Albemarle, died 3 January 1670".
    return read_life_verb(text, p + 1, limit);
  }
  if (!life.birth && !life.death) return std::nullopt;
  return life;
}

std::optional<StatedLife> read_life_verb(std::string_view text, size_t pos, size_t limit) {
  limit = std::min({limit, text.size(), pos + 400});
  size_t p = skip_spaces(text, pos, limit);
  // "was born", "had been born", "is born", or "died" directly.
  for (std::string_view auxiliary : {"was", "had", "been", "is"}) {
    if (keyword_at(text, p, limit, auxiliary)) p = skip_spaces(text, p + auxiliary.size(), limit);
  }
  bool is_birth = false;
  const size_t after = read_life_keyword(text, p, limit, is_birth);
  // "b." and "d." abbreviate only inside brackets, never as the verb of a sentence.
  if (after == std::string_view::npos || text.substr(p, 2) == "b." || text.substr(p, 2) == "d.") {
    return std::nullopt;
  }
  StatedLife life;
  life.explicit_keyword = true;
  size_t date_from = after;
  if (is_birth) {
    // "born Lev Davidovich Bronstein on …": a birth name before the date.
    const size_t name_start = skip_spaces(text, after, limit);
    size_t name_end = name_start;
    NameWord word;
    size_t next = name_start;
    size_t count = 0;
    while (count < 5 && next_name_word(text, next, word, next) && word.offset < limit &&
           word.capitalised && skip_spaces(text, name_end, limit) == word.offset) {
      name_end = word.end();
      ++count;
    }
    if (count >= 2) {
      life.aliases.emplace_back(text.substr(name_start, name_end - name_start));
      date_from = name_end;
    }
  }
  auto date = date_after_keyword(text, date_from, limit, 6);
  if (!date) return std::nullopt;
  (is_birth ? life.birth : life.death) = date;
  life.end = date->span.end();
  if (is_birth) {
    // "… and died in 1940" later in the same sentence.
    for (size_t q = life.end; q < limit && q < life.end + 160; ++q) {
      if (keyword_at(text, q, limit, "died")) {
        if (auto death = date_after_keyword(text, q + 4, limit, 6)) {
          life.death = death;
          life.end = death->span.end();
        }
        break;
      }
    }
  }
  return life;
}

namespace {

// A noun for a kind of person: "seamstress", "merchant", "painter", "widow".
bool is_person_noun(std::string_view w) {
  static const std::unordered_set<std::string_view> kNouns = {
      "widow", "priest", "monk",    "nun",     "soldier",  "student", "peasant", "merchant",
      "clerk", "poet",   "servant", "officer", "chemist",  "agent",   "cousin",  "daughter",
      "son",   "wife",   "husband", "nephew",  "niece",    "friend",  "lawyer",  "doctor",
      "nurse", "smith",  "maid",    "tailor",  "minister", "bishop",  "cook",    "architect",
      "aunt",  "uncle",  "child",   "brother", "sister",   "mother",  "father"};
  static const std::unordered_set<std::string_view> kNotPeople = {
      "river",  "center",  "centre", "border",  "corner",  "water",   "quarter", "tower",
      "harbor", "harbour", "manor",  "chamber", "theater", "theatre", "order",   "letter",
      "paper",  "number",  "matter", "winter",  "summer",  "power",   "silver",  "copper"};
  if (kNouns.count(w)) return true;
  if (kNotPeople.count(w)) return false;
  auto ends = [&](std::string_view tail) {
    return w.size() > tail.size() + 2 && w.substr(w.size() - tail.size()) == tail;
  };
  return ends("er") || ends("or") || ends("ist") || ends("ess") || ends("ian") || ends("man") ||
         ends("woman");
}

}  // namespace

std::optional<Span> read_apposition(std::string_view text, size_t pos, size_t limit) {
  limit = std::min({limit, text.size(), pos + 200});
  size_t p = skip_spaces(text, pos, limit);
  if (p >= limit || text[p] != ',') return std::nullopt;
  const size_t start = skip_spaces(text, p + 1, limit);
  size_t q = start;
  bool article = false;
  for (std::string_view a : {"a", "an"}) {
    if (keyword_at(text, q, limit, a)) {
      article = true;
      q += a.size();
      break;
    }
  }
  if (!article) return std::nullopt;
  // Up to the next clause mark; a person noun among the first four words, all in lower case.
  size_t end = q;
  bool person = false;
  int words = 0;
  while (end < limit && words < 10) {
    end = skip_spaces(text, end, limit);
    if (end >= limit || !std::isalpha(static_cast<unsigned char>(text[end]))) break;
    size_t word_end = end;
    while (word_end < limit && std::isalpha(static_cast<unsigned char>(text[word_end]))) {
      ++word_end;
    }
    const std::string_view w = text.substr(end, word_end - end);
    if (++words <= 4 && std::islower(static_cast<unsigned char>(w[0])) && is_person_noun(w)) {
      person = true;
    }
    end = word_end;
  }
  if (!person) return std::nullopt;
  return Span{start, end - start};
}

}  // namespace histlint::people_intro
