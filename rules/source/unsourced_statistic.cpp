// source/unsourced-statistic: counts, percentages and sums of money that no citation supports.
#include <algorithm>
#include <array>
#include <cmath>
#include <cstdlib>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "rules/extract/citation_matching.h"
#include "rules/extract/citations.h"
#include "rules/source/claims.h"
#include "rules/source/source_rules.h"
#include "rules/text/utf8.h"
#include "rules/text/words.h"

namespace histlint::source_rules {

namespace {

enum class TokenKind { Word, Number, Symbol };

struct Token {
  TokenKind kind;
  size_t begin;
  size_t end;
  bool space_before;  // white space separates it from the previous token
};

// Splits prose into words (letters with inner apostrophes and hyphens), numbers (digits with
// inner separators: "5,000", "1.5") and single symbols.
std::vector<Token> tokenize(std::string_view s, size_t begin, size_t end) {
  std::vector<Token> tokens;
  bool space = true;
  size_t pos = begin;
  auto at = [&](size_t p) {
    size_t len = 0;
    return p < end ? utf8::decode(s, p, len) : char32_t{0};
  };
  auto width = [&](size_t p) {
    size_t len = 0;
    utf8::decode(s, p, len);
    return len;
  };
  while (pos < end) {
    const char32_t c = at(pos);
    if (utf8::is_space(c)) {
      space = true;
      pos += width(pos);
      continue;
    }
    const size_t start = pos;
    TokenKind kind = TokenKind::Symbol;
    if (utf8::is_digit(c)) {
      kind = TokenKind::Number;
      while (pos < end) {
        if (utf8::is_digit(at(pos))) {
          ++pos;
        } else if ((s[pos] == ',' || s[pos] == '.') && utf8::is_digit(at(pos + 1))) {
          ++pos;
        } else {
          break;
        }
      }
    } else if (utf8::is_letter(c)) {
      kind = TokenKind::Word;
      while (pos < end) {
        const char32_t d = at(pos);
        if (utf8::is_letter(d)) {
          pos += width(pos);
        } else if ((d == '-' || d == '\'' || d == 0x2019) && pos + width(pos) < end &&
                   utf8::is_letter(at(pos + width(pos)))) {
          pos += width(pos);
        } else {
          break;
        }
      }
    } else {
      pos += width(pos);
    }
    tokens.push_back({kind, start, pos, space});
    space = false;
  }
  return tokens;
}

template <size_t N>
bool in(const std::array<std::string_view, N>& list, std::string_view word) {
  return std::find(list.begin(), list.end(), word) != list.end();
}

std::optional<double> number_word_value(std::string_view word) {
  static constexpr std::array<std::string_view, 20> kUnits = {
      "zero",     "one",     "two",     "three",     "four",     "five",    "six",
      "seven",    "eight",   "nine",    "ten",       "eleven",   "twelve",  "thirteen",
      "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"};
  static constexpr std::array<std::string_view, 8> kTens = {
      "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"};
  const std::string w = lower_ascii(word);
  const size_t hyphen = w.find('-');
  if (hyphen != std::string::npos) {  // "sixty-five"
    const auto tens = number_word_value(w.substr(0, hyphen));
    const auto units = number_word_value(w.substr(hyphen + 1));
    if (tens && units && *tens >= 20 && *units < 10) return *tens + *units;
    return std::nullopt;
  }
  for (size_t i = 0; i < kUnits.size(); ++i) {
    if (w == kUnits[i]) return static_cast<double>(i);
  }
  for (size_t i = 0; i < kTens.size(); ++i) {
    if (w == kTens[i]) return static_cast<double>(20 + 10 * i);
  }
  return std::nullopt;
}

std::optional<double> multiplier_value(std::string_view word) {
  const std::string w = lower_ascii(word);
  if (w == "hundred") return 1e2;
  if (w == "thousand") return 1e3;
  if (w == "million" || w == "m") return 1e6;
  if (w == "billion" || w == "bn") return 1e9;
  if (w == "trillion") return 1e12;
  return std::nullopt;
}

// Words that end a noun phrase: a count followed by one of these counts nothing named.
bool is_stop_word(std::string_view w) {
  return is_function_word(w) || w == "per";
}

// Plural nouns that are not counts of things: spans of time, measures, references, ordinals.
bool is_excluded_noun(std::string_view w) {
  static constexpr std::array<std::string_view, 62> kExcluded = {
      "years",    "yrs",       "months",      "weeks",      "days",     "hours",      "minutes",
      "seconds",  "decades",   "centuries",   "millennia",  "nights",   "mornings",   "evenings",
      "weekends", "seasons",   "generations", "ages",       "miles",    "kilometres", "kilometers",
      "kms",      "metres",    "meters",      "feet",       "inches",   "yards",      "acres",
      "hectares", "tons",      "tonnes",      "kilograms",  "kilos",    "kgs",        "grams",
      "litres",   "liters",    "gallons",     "degrees",    "versts",   "leagues",    "knots",
      "pages",    "volumes",   "vols",        "chapters",   "editions", "verses",     "lines",
      "notes",    "footnotes", "columns",     "paragraphs", "sections", "articles",   "percent",
      "cents",    "o'clock",   "o’clock",     "pm",         "am",       "others"};
  return in(kExcluded, w);
}

bool is_currency_noun(std::string_view w) {
  static constexpr std::array<std::string_view, 18> kCurrencies = {
      "dollars", "pounds",  "roubles", "rubles",  "francs",    "marks",
      "lire",    "pesos",   "yen",     "guineas", "shillings", "florins",
      "crowns",  "kopecks", "zlotys",  "euros",   "sterling",  "gold"};
  return in(kCurrencies, w);
}

// "people", "troops", "armies": a lower-case plural, or a plural without -s.
bool is_plural_noun(std::string_view w) {
  static constexpr std::array<std::string_view, 14> kIrregular = {
      "people", "men",       "women", "children", "dead",    "wounded", "police",
      "cattle", "personnel", "staff", "infantry", "cavalry", "yen",     "sterling"};
  if (in(kIrregular, w)) return true;
  if (w.size() < 3 || w.back() != 's') return false;
  static constexpr std::array<std::string_view, 20> kNotPlural = {
      "was",    "has",     "is",      "his",        "its",     "this",     "thus",
      "us",     "as",      "yes",     "less",       "unless",  "across",   "perhaps",
      "always", "whereas", "towards", "afterwards", "besides", "sometimes"};
  if (in(kNotPlural, w)) return false;
  const auto ends = [&](std::string_view suffix) {
    return w.size() > suffix.size() && w.substr(w.size() - suffix.size()) == suffix;
  };
  return !(ends("ss") || ends("us") || ends("is") || ends("ics"));
}

// Words before a number that make it a label, not a count: "Article 58", "p. 20", "No. 227".
bool is_identifier_word(std::string_view w) {
  static constexpr std::array<std::string_view, 34> kWords = {
      "no",     "nos",     "number", "p",      "pp",   "page",    "pages",   "vol",    "vols",
      "volume", "chapter", "ch",     "chap",   "art",  "article", "section", "sec",    "part",
      "book",   "verse",   "line",   "item",   "note", "n",       "fig",     "figure", "table",
      "plate",  "room",    "route",  "flight", "aged", "age",     "ages"};
  return in(kWords, w);
}

bool is_month(std::string_view w) {
  static constexpr std::array<std::string_view, 23> kMonths = {
      "January",   "February", "March",    "April",    "May",  "June", "July", "August",
      "September", "October",  "November", "December", "Jan",  "Feb",  "Mar",  "Apr",
      "Jun",       "Jul",      "Aug",      "Sep",      "Sept", "Oct",  "Nov"};
  return in(kMonths, w) || w == "Dec";
}

struct Figure {
  Span span;  // the number through the counted noun
  double value = 0;
  bool percent = false;
  bool money = false;
  // False for a number that counts nothing named ("Eight Hundred and Six in number", a
  // catalogue's "4,962" over "LETTERS"): no claim, but a figure a later round one may restate.
  bool counted = true;
};

// A token a figure may start at: its offset and index, the index of the last token figure_at read
// from it (the search resumes after it), and the figure, if any. Offsets as the finder gives them.
struct FigureStart {
  size_t offset;
  size_t index;
  size_t last;
  std::optional<Figure> figure;
};

class StatisticFinder {
 public:
  StatisticFinder(const Analysis& analysis, const Block& block)
      : doc_(analysis.doc()),
        s_(doc_.prose()),
        tokens_(tokenize(s_, block.span.offset, block.span.end())),
        minimum_count_(
            analysis.options().threshold("source/unsourced-statistic.minimum-count", 10)) {}

  // Every token a figure may start at, with what figure_at reads there. Whether the token lies
  // in a quotation or a citation is the document's to say, so find_figures asks that later.
  std::vector<FigureStart> starts() {
    std::vector<FigureStart> out;
    for (size_t i = 0; i < tokens_.size(); ++i) {
      if (!may_start_figure(i)) continue;
      size_t next = i;
      std::optional<Figure> figure = figure_at(i, next);
      out.push_back({tokens_[i].begin, i, std::max(i, next), figure});
    }
    return out;
  }

 private:
  std::string_view text(const Token& t) const { return s_.substr(t.begin, t.end - t.begin); }
  std::string word(size_t i) const {
    return i < tokens_.size() && tokens_[i].kind == TokenKind::Word ? lower_ascii(text(tokens_[i]))
                                                                    : std::string();
  }
  bool symbol(size_t i, std::string_view sym) const {
    return i < tokens_.size() && tokens_[i].kind == TokenKind::Symbol && text(tokens_[i]) == sym;
  }
  bool adjacent(size_t i) const { return i < tokens_.size() && !tokens_[i].space_before; }

  // Reads a number (digits or number words, with a multiplier) starting at token i.
  std::optional<double> read_number(size_t i, size_t& after, bool& plain_integer) const {
    plain_integer = false;
    double value = 0;
    if (tokens_[i].kind == TokenKind::Number) {
      std::string digits;
      bool separators = false;
      for (char c : text(tokens_[i])) {
        if (c == ',') {
          separators = true;
        } else {
          digits += c;
        }
      }
      if (digits.find('.') != std::string::npos) separators = true;
      value = std::strtod(digits.c_str(), nullptr);
      plain_integer = !separators;
      after = i + 1;
    } else if (tokens_[i].kind == TokenKind::Word) {
      auto v = number_word_value(text(tokens_[i]));
      if (!v) return std::nullopt;
      value = *v;
      after = i + 1;
      // "three hundred and fifty"
      while (after < tokens_.size()) {
        if (auto m = multiplier_value(word(after)); m && word(after) != "m") {
          value = (value == 0 ? 1 : value) * *m;
          ++after;
        } else if (word(after) == "and" && number_word_value(word(after + 1)) && value >= 100) {
          value += *number_word_value(word(after + 1));
          after += 2;
        } else if (auto more = number_word_value(word(after));
                   more && value >= 20 && *more < value) {
          value += *more;
          ++after;
        } else {
          break;
        }
      }
      return value;
    } else {
      return std::nullopt;
    }
    if (auto m = multiplier_value(word(after))) {
      // "5 million", "5m" (glued), but not "5 m" of a measure.
      if (word(after) != "m" || adjacent(after)) {
        value *= *m;
        plain_integer = false;
        ++after;
      }
    }
    return value;
  }

  // A number, or a number word, not glued to a word, a number or a dash on its left.
  bool may_start_figure(size_t i) const {
    const Token& t = tokens_[i];
    if (t.kind == TokenKind::Number) {
      if (i > 0 && adjacent(i)) {
        // Glued to a word, a number or a dash: "Trot75", "1879-1940", "v2" — not a count.
        const Token& prev = tokens_[i - 1];
        if (prev.kind != TokenKind::Symbol) return false;
        const std::string_view p = text(prev);
        return p == "$" || p == "£" || p == "€" || p == "¥" || p == "(" || p == "~";
      }
      return true;
    }
    return t.kind == TokenKind::Word && number_word_value(text(t));
  }

  std::optional<Figure> figure_at(size_t i, size_t& next) {
    const Token& t = tokens_[i];
    size_t after = i;
    bool plain_integer = false;
    auto value = read_number(i, after, plain_integer);
    if (!value) return std::nullopt;
    next = after - 1;
    // Glued on the right: "1930s", "24th", "80’s", "10:30", "1/2".
    if (t.kind == TokenKind::Number && adjacent(after) && after < tokens_.size()) {
      const std::string_view n = text(tokens_[after]);
      if (tokens_[after].kind == TokenKind::Word) return std::nullopt;
      if (n == "’" || n == "'" || n == ":" || n == "/" || n == "-" || n == "–") {
        // A glued dash opens a range ("1918–20", "5,000–6,000 men"), read below.
        if (!(n == "-" || n == "–")) return std::nullopt;
      }
    }
    // A year ("in 1927", "1879–1940") is a date, never a statistic.
    if (plain_integer && *value >= 1000 && *value <= 2100) return std::nullopt;
    if (is_day_of_month(i, after) || is_era_year(after)) return std::nullopt;
    // "the 100 greatest players": the name of a ranked list.
    if (word(after).ends_with("est") || word(after) == "best" || word(after) == "most") {
      return std::nullopt;
    }
    // "notes of 1, 3 and 5 rubles", "10, 25, 50 and 100 rubles": a list of denominations or
    // labels, not a count.
    if (in_list_of_numbers(i)) return std::nullopt;
    if (is_prescribed_limit(i)) return std::nullopt;
    if (i > 0) {
      const std::string before = word(i - 1);
      if (is_identifier_word(before)) return std::nullopt;
      // An age: "dead at the age of 60".
      if (before == "of" && i > 1 && (word(i - 2) == "age" || word(i - 2) == "ages")) {
        return std::nullopt;
      }
      if (symbol(i - 1, "#") || symbol(i - 1, "§")) return std::nullopt;
      if (symbol(i - 1, ".") && i > 1 && is_identifier_word(word(i - 2))) return std::nullopt;
      // A capitalised singular before the number names it: "Article 58", "Order 227" (but "the
      // Tories 273 times" counts).
      if (tokens_[i - 1].kind == TokenKind::Word && !starts_sentence(i - 1)) {
        size_t len = 0;
        const std::string_view prev = text(tokens_[i - 1]);
        if (utf8::is_upper(utf8::decode(s_, tokens_[i - 1].begin, len)) && prev.back() != 's') {
          return std::nullopt;
        }
      }
    }

    Figure figure;
    figure.value = *value;
    figure.money = i > 0 && (symbol(i - 1, "$") || symbol(i - 1, "£") || symbol(i - 1, "€") ||
                             symbol(i - 1, "¥"));
    size_t k = after;
    // A range: "5,000–6,000", "between 600 and 700", "10 to 12".
    if (k < tokens_.size() && (symbol(k, "–") || symbol(k, "-") || symbol(k, "—") ||
                               word(k) == "to" || word(k) == "or" || word(k) == "and")) {
      if (k + 1 < tokens_.size() &&
          (tokens_[k + 1].kind == TokenKind::Number || number_word_value(text(tokens_[k + 1])))) {
        size_t range_after = k + 1;
        bool range_plain = false;
        if (auto second = read_number(k + 1, range_after, range_plain)) {
          if (range_plain && *second >= 1000 && *second <= 2100 && plain_integer) {
            return std::nullopt;
          }
          figure.value = std::max(figure.value, *second);  // "one to five million"
          k = range_after;
          next = k - 1;
        }
      } else if (adjacent(k)) {
        return std::nullopt;
      }
    }
    // Percentages: "40 per cent", "40%", "40 percent".
    if (symbol(k, "%") || word(k) == "percent" || (word(k) == "per" && word(k + 1) == "cent")) {
      const size_t last = word(k) == "per" ? k + 1 : k;
      // "switched 180% in an ultra-left direction" is a figure of speech; "grew by 300%" is not.
      const std::string before = i > 0 ? word(i - 1) : std::string();
      if (figure.value > 100 && before != "by" && before != "to") return std::nullopt;
      figure.percent = true;
      figure.span = {t.begin, tokens_[last].end - t.begin};
      next = last;
      return figure;
    }
    // "$5 million", "£200": the symbol says what is counted.
    if (figure.money) {
      figure.span = {tokens_[i - 1].begin, tokens_[k - 1].end - tokens_[i - 1].begin};
      return figure;
    }
    // The counted noun, after at most two modifiers: "14 imperialist armies".
    for (size_t m = k; m < tokens_.size() && m <= k + 2; ++m) {
      if (tokens_[m].kind != TokenKind::Word) break;
      const std::string w = word(m);
      if (is_stop_word(w) || number_word_value(w)) break;
      size_t len = 0;
      const bool capitalised = utf8::is_upper(utf8::decode(s_, tokens_[m].begin, len));
      // A capitalised noun names something ("12 Apostles") unless a lower-case modifier comes
      // first: "11 fellow Catholics".
      const bool lower_case_modifiers =
          m > k && !utf8::is_upper(utf8::decode(s_, tokens_[k].begin, len));
      const bool plural = is_plural_noun(w) || (capitalised && w.size() > 3 && w.back() == 's');
      if ((!capitalised || lower_case_modifiers) && (plural || is_currency_noun(w))) {
        if (is_excluded_noun(w) || is_converted_measure(m)) return std::nullopt;
        // "four times as many", "ten times larger": a ratio, not a count.
        if (w == "times" && (word(m + 1) == "as" || word(m + 1) == "more" ||
                             word(m + 1) == "less" || word(m + 1) == "the")) {
          return std::nullopt;
        }
        figure.money = figure.money || is_currency_noun(w);
        figure.span = {t.begin, tokens_[m].end - t.begin};
        next = m;
        // Deaths and arrests count at any size: "Seven men died of scurvy".
        const double minimum = figure.money ? 1 : counts_casualties(w, m + 1) ? 2 : minimum_count_;
        if (figure.value < minimum) return std::nullopt;
        return figure;
      }
    }
    // No counted noun, but the sentence says what is counted before the number: "The official
    // death toll was 238", "Estimates of the dead range from one to five million".
    figure.span = {t.begin, tokens_[k - 1].end - t.begin};
    if (figure.value >= 2 && casualty_subject_before(i)) {
      next = k - 1;
      return figure;
    }
    figure.counted = false;
    return figure;
  }

  // "on 8 November", "November 8", "the 4 of May", and OCR-damaged "April $4.": the day of a
  // date. Months are capitalised, so "may" stays a verb.
  bool is_day_of_month(size_t i, size_t after) const {
    const auto month_at = [&](size_t k) {
      return k < tokens_.size() && tokens_[k].kind == TokenKind::Word && is_month(text(tokens_[k]));
    };
    if (month_at(after) || (word(after) == "of" && month_at(after + 1))) return true;
    if (i >= 1 && month_at(i - 1)) return true;
    return i >= 2 && tokens_[i - 1].kind == TokenKind::Symbol && month_at(i - 2);
  }

  // "432 BC", "AD 79" is read as a date elsewhere; "79 AD", "300 BCE".
  bool is_era_year(size_t after) const {
    if (after >= tokens_.size() || tokens_[after].kind != TokenKind::Word) return false;
    const std::string_view w = text(tokens_[after]);
    return w == "BC" || w == "AD" || w == "BCE" || w == "CE" ||
           (w == "B" && symbol(after + 1, "."));
  }

  // "16 pounds (7.3 kg)": a weight with its conversion, not a sum.
  bool is_converted_measure(size_t noun) const {
    return symbol(noun + 1, "(") && noun + 2 < tokens_.size() &&
           tokens_[noun + 2].kind == TokenKind::Number;
  }

  // A number after "N," or "N, M and": one of a list.
  bool in_list_of_numbers(size_t i) const {
    const auto number = [&](size_t k) {
      return tokens_[k].kind == TokenKind::Number || number_word_value(word(k)).has_value();
    };
    if (i >= 2 && symbol(i - 1, ",") && number(i - 2)) return true;
    return i >= 3 && (word(i - 1) == "and" || word(i - 1) == "or") && number(i - 2) &&
           symbol(i - 3, ",");
  }

  // "attended by no more than twenty-four persons", "should not exceed 40 men": a limit the
  // text prescribes, which counts nothing.
  bool is_prescribed_limit(size_t i) const {
    const bool limit = (i >= 3 && word(i - 1) == "than" && word(i - 2) == "more" &&
                        (word(i - 3) == "no" || word(i - 3) == "not")) ||
                       (i >= 1 && (word(i - 1) == "exceed" || word(i - 1) == "exceeding"));
    if (!limit) return false;
    static constexpr std::array<std::string_view, 9> kModals = {
        "should", "shall", "must", "may", "might", "could", "would", "stipulated", "allowed"};
    const Sentence* sentence = doc_.sentence_at(tokens_[i].begin);
    for (size_t back = 1; back <= 30 && back <= i; ++back) {
      if (sentence == nullptr || tokens_[i - back].begin < sentence->span.offset) break;
      if (in(kModals, word(i - back))) return true;
    }
    return false;
  }

  bool casualty_subject_before(size_t i) const {
    static constexpr std::array<std::string_view, 9> kWords = {
        "toll",       "casualties", "deaths", "dead",      "victims",
        "fatalities", "killed",     "losses", "executions"};
    const Sentence* sentence = doc_.sentence_at(tokens_[i].begin);
    for (size_t back = 1; back <= 8 && back <= i; ++back) {
      const Token& prev = tokens_[i - back];
      if (sentence == nullptr || prev.begin < sentence->span.offset) break;
      if (prev.kind == TokenKind::Number) break;
      if (in(kWords, word(i - back))) return true;
    }
    return false;
  }

  // A count of casualties: the noun says so ("deaths", "victims"), or a verb right after it does
  // ("men died", "prisoners were shot").
  bool counts_casualties(std::string_view noun, size_t after) const {
    static constexpr std::array<std::string_view, 8> kNouns = {
        "deaths", "casualties", "victims", "fatalities", "dead", "wounded", "killed", "executions"};
    static constexpr std::array<std::string_view, 18> kVerbs = {
        "died",      "perished",   "drowned",  "starved", "killed",   "executed",
        "shot",      "arrested",   "deported", "wounded", "murdered", "hanged",
        "massacred", "imprisoned", "jailed",   "lost",    "fell",     "disappeared"};
    if (in(kNouns, noun)) return true;
    for (size_t k = after; k < tokens_.size() && k < after + 3; ++k) {
      const std::string w = word(k);
      if (in(kVerbs, w)) return true;
      if (w != "were" && w != "had" && w != "been" && w != "later" && w != "all") return false;
    }
    return false;
  }

  bool starts_sentence(size_t i) const {
    const Sentence* s = doc_.sentence_at(tokens_[i].begin);
    return s != nullptr && s->span.offset == tokens_[i].begin;
  }

  const Document& doc_;
  std::string_view s_;
  std::vector<Token> tokens_;
  double minimum_count_;
};

// A round count that rounds an earlier, more precise one: "1,200 deputies" after "1,214
// deputies". Sums of money are compared exactly (£2,000 is not £2,100 again). `near` narrows the
// rounding to that share of the value.
bool rounds_earlier(const std::set<double>& stated, double value, double near = 1) {
  if (value < 100 || value != std::floor(value)) return false;
  double unit = 1;
  while (std::fmod(value, unit * 10) == 0) unit *= 10;
  if (unit < 100) return false;
  const double reach = std::min(unit / 2, near * value);
  const auto nearest = stated.lower_bound(value - reach);
  return nearest != stated.end() && *nearest < value + reach;
}

// The figure starts of one block, block-relative: the work an edit elsewhere leaves alone.
struct StatisticBlockFacts {
  std::vector<FigureStart> starts;

  static StatisticBlockFacts extract_block(const Analysis& analysis, const Block& block) {
    StatisticBlockFacts facts{StatisticFinder(analysis, block).starts()};
    for (FigureStart& start : facts.starts) {
      start.offset -= block.span.offset;
      if (start.figure) start.figure->span.offset -= block.span.offset;
    }
    return facts;
  }
};

// The block's figures in text order: a start inside a quotation or a citation reads nothing, and
// the search resumes after the tokens a figure (or a number read and rejected) took.
std::vector<Figure> find_figures(const Analysis& analysis, const Block& block) {
  const auto facts = analysis.block_facts<StatisticBlockFacts>(block);
  std::vector<Figure> figures;
  size_t resume = 0;
  for (const FigureStart& start : facts->starts) {
    if (start.index < resume) continue;
    if (in_quotation_or_citation(analysis, block.span.offset + start.offset)) continue;
    resume = start.last + 1;
    if (!start.figure) continue;
    figures.push_back(*start.figure);
    figures.back().span.offset += block.span.offset;
  }
  return figures;
}

void check(const Analysis& analysis, std::vector<Finding>& out) {
  const Document& doc = analysis.doc();
  std::set<double> stated;  // the values of the figures read so far
  // Numbers from 100 up that counted nothing named, read so far: "Eight Hundred and Six in
  // number", a catalogue's "4,962" over "LETTERS". Only a close round figure restates one ("Eight
  // Hundred men", "nearly 5,000 letters"): a small number is too common to stand for a count.
  std::set<double> uncounted;
  for (const auto& block : doc.blocks()) {
    if (!is_checked_block(block)) continue;
    std::vector<Figure> figures = find_figures(analysis, block);
    // A figure the text has already given ("the twenty bandits", "the eight hundred thousand
    // pounds") is not a new claim.
    std::erase_if(figures, [&](const Figure& f) {
      if (!f.counted) {
        if (f.value >= 100) uncounted.insert(f.value);
        return true;
      }
      // A sum restates only a sum: "£20,000" is new after "20,000 ha".
      const bool repeated =
          stated.contains(f.value) ||
          (!f.money && (uncounted.contains(f.value) || rounds_earlier(stated, f.value) ||
                        rounds_earlier(uncounted, f.value, 0.02)));
      stated.insert(f.value);
      return repeated;
    });
    // One finding per sentence, naming each figure no citation supports.
    const auto& citations = analysis.facts<CitationFacts>();
    std::erase_if(figures, [&](const Figure& f) {
      return citations.supports(f.span) || in_question(doc, f.span.offset);
    });
    for (size_t i = 0; i < figures.size();) {
      const Sentence* sentence = doc.sentence_at(figures[i].span.offset);
      size_t j = i + 1;
      while (j < figures.size() && sentence != nullptr &&
             doc.sentence_at(figures[j].span.offset) == sentence) {
        ++j;
      }
      std::string evidence;
      for (size_t k = i; k < j && k < i + 3; ++k) {
        if (!evidence.empty()) evidence += ", ";
        evidence += excerpt(doc.prose_slice(figures[k].span), 40);
      }
      if (j - i > 3) evidence += ", …";
      const Span span{figures[i].span.offset, figures[j - 1].span.end() - figures[i].span.offset};
      const char* kind = figures[i].percent ? "percentage" : figures[i].money ? "sum" : "statistic";
      report_unsourced(
          analysis, span, Severity::Warning,
          std::string(kind) + (j - i > 1 ? "s" : "") + " without a source: " + evidence, out);
      i = j;
    }
  }
}

}  // namespace

const RuleDef& unsourced_statistic() {
  static const RuleDef rule{
      {"source/unsourced-statistic",
       "A count, percentage or sum of money that no citation supports.",
       "Precise figures (casualties, arrests, members, votes, percentages, sums of money) are the "
       "claims a reader checks first. The rule flags a number that counts something (\"273 "
       "times\", "
       "\"5 million fighters\", \"40 per cent\") when no citation follows it in the paragraph. "
       "Years, "
       "dates, ages, durations, measurements, page numbers and numbers inside quotations or titles "
       "are not statistics. Counts below `source/unsourced-statistic.minimum-count` (10) are "
       "ignored.",
       "He has voted with the government 273 times.", Severity::Warning, true},
      &check};
  return rule;
}

}  // namespace histlint::source_rules
