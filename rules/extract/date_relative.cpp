// Relative expressions and durations ("two years later", "within six months", "for thirty-two
// years", "the next day", "76 years ago"), ages ("at the age of 26", "when he was 23",
// "a 59-year-old", "his sixtieth birthday") and anniversaries ("the bicentenary of his birth",
// "sixty-five years since Trotsky's death").
#include "rules/extract/date_parser.h"

namespace histlint::date_parse {

namespace {

bool in_list(std::string_view word, std::initializer_list<std::string_view> list) {
  for (std::string_view w : list) {
    if (equals_folded(word, w)) return true;
  }
  return false;
}

// Amounts convert to one of four units; decades and centuries count in years.
bool to_unit(UnitWord u, TimeUnit& unit, double& factor) {
  factor = 1;
  switch (u) {
    case UnitWord::None:
      return false;
    case UnitWord::Day:
      unit = TimeUnit::Day;
      return true;
    case UnitWord::Week:
      unit = TimeUnit::Week;
      return true;
    case UnitWord::Fortnight:
      unit = TimeUnit::Week, factor = 2;
      return true;
    case UnitWord::Month:
      unit = TimeUnit::Month;
      return true;
    case UnitWord::Year:
      unit = TimeUnit::Year;
      return true;
    case UnitWord::Decade:
      unit = TimeUnit::Year, factor = 10;
      return true;
    case UnitWord::Century:
      unit = TimeUnit::Year, factor = 100;
      return true;
  }
  return false;
}

}  // namespace

bool BlockParser::number_words_at(size_t i, int& value, size_t& next) const {
  const int first = lex(i).cardinal;
  if (first < 0) return false;
  value = first;
  next = i + 1;
  // "thirty-two", "thirty two"
  if (first >= 20 && first < 100 && first % 10 == 0) {
    size_t k = is_dash(next) && attached(next) ? next + 1 : next;
    const int unit = lex(k).cardinal;
    if (unit >= 1 && unit <= 9 && (k == next || attached(k))) {
      value += unit;
      next = k + 1;
    }
  }
  // "one hundred"
  if (first == 1 && is_word(next, "hundred")) {
    value = 100;
    ++next;
  }
  return true;
}

bool BlockParser::ordinal_at(size_t i, int& value, size_t& next) const {
  if (i >= size()) return false;
  const Token& t = tok(i);
  if (t.kind == TokenKind::Number) {
    if (t.number_form != NumberForm::Ordinal) return false;
    value = t.value;
    next = i + 1;
    return true;
  }
  const int plain = lex(i).ordinal;
  if (plain > 0) {
    value = plain;
    next = i + 1;
    return true;
  }
  // "sixty-fifth", "twenty first"
  const int tens = lex(i).cardinal;
  if (tens >= 20 && tens < 100 && tens % 10 == 0) {
    size_t k = is_dash(i + 1) && attached(i + 1) ? i + 2 : i + 1;
    const int unit = lex(k).ordinal;
    if (unit >= 1 && unit <= 9) {
      value = tens + unit;
      next = k + 1;
      return true;
    }
  }
  return false;
}

bool BlockParser::amount_at(size_t i, double& low, double& high, size_t& next) const {
  if (i >= size()) return false;
  int value = 0;
  if (is_word(i, "a") || is_word(i, "an") || is_word(i, "one")) {
    if (is_word(i + 1, "couple") && is_word(i + 2, "of")) {
      low = high = 2;
      next = i + 3;
      return true;
    }
    if (is_word(i + 1, "hundred")) {
      low = high = 100;
      next = i + 2;
      return true;
    }
    low = high = 1;
    next = i + 1;
  } else if (is_word(i, "half") && (is_word(i + 1, "a") || is_word(i + 1, "an"))) {
    low = high = 0.5;
    next = i + 2;
  } else if (tok(i).kind == TokenKind::Number) {
    const Token& t = tok(i);
    if (t.number_form != NumberForm::Plain || t.digits > 4 || t.value > 5000) return false;
    low = high = t.value;
    next = i + 1;
  } else if (number_words_at(i, value, next)) {
    low = high = value;
  } else {
    return false;
  }
  // "one and a half", "three or four", "two to three", "5–6"
  if (is_word(next, "and") && is_word(next + 1, "a") && is_word(next + 2, "half")) {
    low += 0.5;
    high += 0.5;
    next += 3;
    return true;
  }
  if (is_word(next, "or") || is_word(next, "to") || (is_dash(next) && attached(next))) {
    size_t k = next + 1;
    int second = 0;
    size_t after = 0;
    if (k < size() && tok(k).kind == TokenKind::Number && tok(k).number_form == NumberForm::Plain &&
        tok(k).digits <= 4) {
      second = tok(k).value;
      after = k + 1;
    } else if (!number_words_at(k, second, after)) {
      return true;
    }
    if (second > high && second <= high * 3 + 2) {
      high = second;
      next = after;
    }
  }
  return true;
}

LifeEventKind BlockParser::life_event_words(size_t first, size_t next) const {
  for (size_t k = first; k < next && k < size(); ++k) {
    const std::string_view w = word(k);
    if (w.empty()) continue;
    if (in_list(w, {"birth", "born", "birthday", "nativity"})) return LifeEventKind::Birth;
    if (in_list(w, {"death", "died", "assassination", "murder", "killing", "execution", "passing",
                    "demise", "martyrdom", "murdered", "assassinated", "killed", "executed",
                    "funeral"})) {
      return LifeEventKind::Death;
    }
  }
  return LifeEventKind::None;
}

size_t BlockParser::object_phrase_end(size_t i) const {
  size_t k = i;
  int words = 0;
  while (k < size() && words < 7) {
    const Token& t = tok(k);
    if (t.kind == TokenKind::Punct) {
      // Possessive apostrophes stay inside: "Trotsky's death", "Trotsky’s death".
      if ((t.punct == '\'' || t.punct == 0x2019) && attached(k) && is_word(k + 1, "s")) {
        k += 2;
        continue;
      }
      break;
    }
    if (k > i && in_list(word(k), {"in", "on", "at", "was", "were", "is", "celebrated", "marked",
                                   "and", "when", "which", "that", "with"})) {
      break;
    }
    ++words;
    ++k;
  }
  return k;
}

size_t BlockParser::try_relative(size_t i) {
  if (tok(i).kind == TokenKind::Punct) return i;
  size_t next = try_age(i);
  if (next == i) next = try_anniversary(i);
  if (next == i) next = try_deictic(i);
  if (next == i) next = try_fixed_relative(i);
  if (next == i) next = try_quantity(i);
  return next;
}

size_t BlockParser::try_age(size_t i) {
  AgeMention age;
  size_t number_at = SIZE_MAX;
  size_t end = 0;
  if (is_word(i, "at") && is_word(i + 1, "the") && is_word(i + 2, "age") && is_word(i + 3, "of")) {
    number_at = i + 4;
    age.form = AgeForm::AtAge;
  } else if (is_word(i, "at") && is_word(i + 1, "age")) {
    number_at = i + 2;
    age.form = AgeForm::AtAge;
  } else if (is_word(i, "aged") || (is_word(i, "age") && i > 0 && is_punct(i - 1, '('))) {
    number_at = i + 1;
    age.form = AgeForm::Aged;
  } else if (is_word(i, "when") && (is_word(i + 1, "he") || is_word(i + 1, "she")) &&
             is_word(i + 2, "was")) {
    // "in 1903, when he was twenty-three", but not "when he was 23 miles away".
    number_at = i + 3;
    age.form = AgeForm::Aged;
  }
  int value = -1;
  if (number_at != SIZE_MAX) {
    if (number_at < size() && tok(number_at).kind == TokenKind::Number &&
        tok(number_at).number_form == NumberForm::Plain && tok(number_at).digits <= 3) {
      value = tok(number_at).value;
      end = number_at + 1;
    } else if (!number_words_at(number_at, value, end)) {
      return i;
    }
  } else {
    // "a 59-year-old", "fifty-nine-year-old", "59 years old", "his sixtieth birthday"
    int n = -1;
    size_t k = 0;
    if (tok(i).kind == TokenKind::Number && tok(i).number_form == NumberForm::Plain &&
        tok(i).digits <= 3) {
      n = tok(i).value;
      k = i + 1;
    } else if (!number_words_at(i, n, k)) {
      n = -1;
    }
    if (n >= 0) {
      if (is_dash(k) && attached(k) && is_word(k + 1, "year") && is_dash(k + 2) &&
          is_word(k + 3, "old")) {
        value = n;
        end = k + 4;
        age.form = AgeForm::YearsOld;
        age.attributive = end < size() && tok(end).kind == TokenKind::Word;
      } else if ((is_word(k, "years") || is_word(k, "year")) && is_word(k + 1, "old")) {
        value = n;
        end = k + 2;
        age.form = AgeForm::YearsOld;
      } else if (is_word(k, "years") && is_word(k + 1, "of") && is_word(k + 2, "age")) {
        value = n;
        end = k + 3;
        age.form = AgeForm::YearsOld;
      }
    }
    if (value < 0) {
      int ordinal = 0;
      if (ordinal_at(i, ordinal, k) && is_word(k, "birthday")) {
        value = ordinal;
        end = k + 1;
        age.form = AgeForm::Birthday;
      }
    }
  }
  if (value < 0 || value > 130) return i;
  // "when he was 23" is an age only when nothing is counted after the number.
  if (is_word(i, "when") && end < size() && tok(end).kind == TokenKind::Word) return i;
  age.age = value;
  age.span = span_of(i, end);
  age.sentence = sentence_of(i);
  age.in_quotation = tok(i).in_quotation || block_quoted_;
  age.in_parentheses = tok(i).paren_depth > 0;
  out_.ages.push_back(age);
  return end;
}

size_t BlockParser::try_anniversary(size_t i) {
  AnniversaryMention a;
  size_t k = 0;
  int years = 0;
  if (ordinal_at(i, years, k) && is_word(k, "anniversary")) {
    a.form = AnniversaryForm::Ordinal;
    ++k;
  } else if ((years = lex(i).anniversary) > 0) {
    a.form = AnniversaryForm::Noun;
    k = i + 1;
  } else {
    double low = 0;
    double high = 0;
    if (!amount_at(i, low, high, k) || low != high || low < 1) return i;
    if (!(is_word(k, "years") || is_word(k, "year")) || !is_word(k + 1, "since")) return i;
    years = static_cast<int>(low);
    a.form = AnniversaryForm::Since;
    ++k;
  }
  size_t end = k;
  if (is_word(k, "of") || is_word(k, "since")) {
    const size_t object_end = object_phrase_end(k + 1);
    if (object_end > k + 1) {
      a.object_span = span_of(k + 1, object_end);
      a.event = life_event_words(k + 1, object_end);
      end = object_end;
    }
  }
  a.years = years;
  a.span = span_of(i, end);
  a.sentence = sentence_of(i);
  a.in_quotation = tok(i).in_quotation || block_quoted_;
  out_.anniversaries.push_back(a);
  return end;
}

size_t BlockParser::try_fixed_relative(size_t i) {
  // "the next day", "the following year", "the previous month"
  size_t k = i;
  if (is_word(k, "the")) ++k;
  RelativeKind kind;
  if (is_word(k, "next") || is_word(k, "following")) {
    kind = RelativeKind::Later;
  } else if (is_word(k, "previous") || is_word(k, "preceding")) {
    kind = RelativeKind::Earlier;
  } else {
    return i;
  }
  if (k == i && !is_word(k, "next")) return i;
  TimeUnit unit;
  double factor = 1;
  // "the next morning" is the next day.
  const bool part_of_day =
      equals_any_folded(word(k + 1), {"morning", "afternoon", "evening", "night"});
  if (part_of_day) {
    unit = TimeUnit::Day;
  } else if (!to_unit(lex(k + 1).unit, unit, factor) || factor != 1) {
    return i;
  }
  const std::string_view w = word(k + 1);
  if (w.back() == 's' || w.back() == 'S') return i;  // "the next years" is not a step
  RelativeMention r;
  r.kind = kind;
  r.amount.low = r.amount.high = 1;
  r.amount.unit = unit;
  r.calendar_step = unit != TimeUnit::Day;
  r.span = span_of(i, k + 2);
  r.sentence = sentence_of(i);
  r.in_quotation = tok(i).in_quotation || block_quoted_;
  out_.relatives.push_back(r);
  return k + 2;
}

size_t BlockParser::try_quantity(size_t i) {
  size_t k = i;
  enum class Cue { None, For, Within, After } cue = Cue::None;
  if (is_word(k, "for") || is_word(k, "spent") || is_word(k, "lasted") || is_word(k, "lasting")) {
    cue = Cue::For;
    ++k;
  } else if (is_word(k, "within")) {
    cue = Cue::Within;
    ++k;
  } else if (is_word(k, "after")) {
    cue = Cue::After;
    ++k;
  }
  Hedge hedge = cue == Cue::Within ? Hedge::AtMost : Hedge::Exact;
  auto two = [&](std::string_view a, std::string_view b) {
    return is_word(k, a) && is_word(k + 1, b);
  };
  if (two("less", "than") || two("fewer", "than") || two("no", "more") || two("not", "more") ||
      two("up", "to") || two("at", "most")) {
    hedge = Hedge::AtMost;
    k += 2;
    if (is_word(k, "than")) ++k;
  } else if (two("more", "than") || two("at", "least") || two("upwards", "of") ||
             two("well", "over") || two("just", "over")) {
    hedge = Hedge::AtLeast;
    k += 2;
  } else if (two("just", "under") || two("close", "to") || two("not", "quite")) {
    hedge = Hedge::Almost;
    k += 2;
  } else if (is_word(k, "under")) {
    hedge = Hedge::AtMost;
    ++k;
  } else if (is_word(k, "over")) {
    hedge = Hedge::AtLeast;
    ++k;
  } else if (is_word(k, "almost") || is_word(k, "nearly") || is_word(k, "barely")) {
    hedge = Hedge::Almost;
    ++k;
  } else if (is_word(k, "about") || is_word(k, "around") || is_word(k, "some") ||
             is_word(k, "roughly") || is_word(k, "approximately") || is_word(k, "approx") ||
             is_word(k, "circa") || is_word(k, "perhaps") || is_word(k, "maybe")) {
    hedge = Hedge::About;
    ++k;
    if (is_punct(k, '.') && attached(k)) ++k;
  }
  // "the past 33 years", "the next 15 years" count from an unstated now.
  if (k > 0 && in_list(word(k - 1), {"past", "last", "next", "previous", "following", "first",
                                     "coming", "preceding", "final", "remaining", "these", "those",
                                     "many", "several", "few"})) {
    return i;
  }
  double low = 0;
  double high = 0;
  size_t after_amount = 0;
  if (!amount_at(k, low, high, after_amount)) return i;
  k = after_amount;
  TimeUnit unit;
  double factor = 1;
  if (k >= size() || !to_unit(lex(k).unit, unit, factor) || !tok(k).space_before) {
    return i;
  }
  // "the Thirty Years' War", "the Hundred Years War" are names.
  if (tok(k).capitalised &&
      (is_word(k + 1, "war") ||
       ((is_punct(k + 1, '\'') || is_punct(k + 1, 0x2019)) && is_word(k + 2, "war")))) {
    return i;
  }
  ++k;
  // "half a century", "a year and a half"
  low *= factor;
  high *= factor;
  if (is_word(k, "and") && is_word(k + 1, "a") && is_word(k + 2, "half")) {
    const double half = factor / 2;
    low += half;
    high += half;
    k += 3;
  }
  RelativeMention r;
  r.amount = Quantity{low, high, unit, hedge};
  size_t end = k;
  if (is_word(k, "later") || is_word(k, "afterwards") || is_word(k, "afterward") ||
      is_word(k, "on") || is_word(k, "after")) {
    if (is_word(k, "on") && !(k + 1 >= size() || tok(k + 1).kind == TokenKind::Punct)) {
      return i;  // "two years on the run" is not "two years on"
    }
    r.kind = cue == Cue::Within ? RelativeKind::Within : RelativeKind::Later;
    r.names_anchor = is_word(k, "after") && k + 1 < size() && tok(k + 1).kind != TokenKind::Punct;
    end = k + 1;
  } else if (is_word(k, "earlier") || is_word(k, "before") || is_word(k, "previously") ||
             is_word(k, "prior")) {
    r.kind = RelativeKind::Earlier;
    r.names_anchor = (is_word(k, "before") || is_word(k, "prior")) && k + 1 < size() &&
                     tok(k + 1).kind != TokenKind::Punct;
    end = k + 1;
  } else if (is_word(k, "ago")) {
    r.kind = RelativeKind::Ago;
    end = k + 1;
  } else if (cue == Cue::Within) {
    r.kind = RelativeKind::Within;
    r.names_anchor = is_word(k, "of") || is_word(k, "after") || is_word(k, "from");
  } else if (cue == Cue::For) {
    r.kind = RelativeKind::Duration;
  } else if (cue == Cue::After) {
    // "after a decade in Vienna" is a stay; "after two years, he returned" a step.
    const bool stay = in_list(word(k), {"in", "at", "of", "as", "abroad", "away", "under", "with",
                                        "on", "behind", "inside", "outside"});
    r.kind = stay ? RelativeKind::Duration : RelativeKind::Later;
  } else if (is_punct(k, '(')) {
    r.kind = RelativeKind::Duration;  // "twelve years (1905–1917)"
  } else {
    return i;
  }
  r.span = span_of(i, end);
  r.sentence = sentence_of(i);
  r.in_quotation = tok(i).in_quotation || block_quoted_;
  out_.relatives.push_back(r);
  return end;
}

}  // namespace histlint::date_parse
