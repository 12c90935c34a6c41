// Expressions dated by the time of writing or by the last date stated ("yesterday", "last year",
// "Friday", "the third quarter", "earlier this month", "now", "that summer", "the same day").
// Only recorded here; rules/extract/dates_anchored.cpp gives them their dates.
#include "rules/extract/date_parser.h"

namespace histlint::date_parse {

namespace {

PeriodPart season_word(std::string_view w) {
  if (equals_folded(w, "spring")) return PeriodPart::Spring;
  if (equals_folded(w, "summer")) return PeriodPart::Summer;
  if (equals_folded(w, "autumn") || equals_folded(w, "fall")) return PeriodPart::Autumn;
  if (equals_folded(w, "winter")) return PeriodPart::Winter;
  return PeriodPart::None;
}

// "last" -1, "this" 0, "next" +1; nullopt for any other word.
std::optional<int> step_word(std::string_view w) {
  if (equals_any_folded(w, {"last", "past", "previous"})) return -1;
  if (equals_any_folded(w, {"this", "current"})) return 0;
  if (equals_any_folded(w, {"next", "coming"})) return 1;
  return std::nullopt;
}

}  // namespace

bool BlockParser::future_before(size_t i) const {
  const uint32_t sentence = sentence_of(i);
  for (size_t k = i; k-- > 0 && i - k < 40;) {
    if (sentence_of(k) != sentence) break;
    if (is_word(k, "will") || is_word(k, "shall")) return true;
    // "they'll"
    if (is_word(k, "ll") && k > 0 && (is_punct(k - 1, '\'') || is_punct(k - 1, 0x2019))) {
      return true;
    }
  }
  return false;
}

void BlockParser::record_deictic(DeicticMention m, size_t first, size_t next) {
  m.span = span_of(first, next);
  m.sentence = sentence_of(first);
  m.in_quotation = tok(first).in_quotation || block_quoted_;
  m.future_tense = future_before(first);
  out_.deictics.push_back(m);
}

size_t BlockParser::try_deictic(size_t i) {
  DeicticMention m;
  size_t k = i;
  // "early next year", "earlier this month", "late yesterday", "mid-November"
  if (is_word(k, "early") || is_word(k, "earlier")) {
    m.part = PeriodPart::Early;
  } else if (is_word(k, "late") || is_word(k, "later")) {
    m.part = PeriodPart::Late;
  } else if (is_word(k, "mid") && is_dash(k + 1) && attached(k + 1)) {
    m.part = PeriodPart::Mid;
    ++k;
  }
  if (m.part != PeriodPart::None) ++k;
  const bool has_part = k != i;

  // Single words.
  if (is_word(k, "yesterday") || is_word(k, "today") || is_word(k, "tomorrow")) {
    m.unit = TimeUnit::Day;
    m.step = is_word(k, "yesterday") ? -1 : is_word(k, "today") ? 0 : 1;
    // "today's" is still today; "Today" as a newspaper's name is rare enough.
    record_deictic(m, i, k + 1);
    return k + 1;
  }
  if (!has_part && (is_word(k, "now") || is_word(k, "currently"))) {
    m.kind = DeicticKind::Present;
    record_deictic(m, i, k + 1);
    return k + 1;
  }
  if (!has_part && is_word(k, "recently")) {
    m.kind = DeicticKind::Past;
    record_deictic(m, i, k + 1);
    return k + 1;
  }
  // "recent years", "recent months"
  if (!has_part && is_word(k, "recent") && lex(k + 1).unit != UnitWord::None) {
    m.kind = DeicticKind::Past;
    record_deictic(m, i, k + 2);
    return k + 2;
  }
  // "in the past", "in the future": only as adverbials, not "the past three years".
  if (!has_part && is_word(k, "in") && is_word(k + 1, "the") &&
      (is_word(k + 2, "past") || is_word(k + 2, "future")) &&
      (k + 3 >= size() || tok(k + 3).kind == TokenKind::Punct || is_word(k + 3, "and") ||
       is_word(k + 3, "but"))) {
    m.kind = is_word(k + 2, "past") ? DeicticKind::Past : DeicticKind::Future;
    record_deictic(m, k + 1, k + 3);
    return k + 3;
  }

  // "this year", "last week", "next month", "the current year", "that summer", "the same day",
  // "last April", "next Friday", "this fall".
  size_t j = k;
  if (is_word(j, "the") &&
      (is_word(j + 1, "current") || is_word(j + 1, "same") ||
       (is_word(j + 1, "past") && is_word(j + 2, "year")) ||
       (is_word(j + 1, "next") && is_word(j + 2, "fiscal")) || is_word(j + 1, "coming"))) {
    ++j;
  }
  std::optional<int> step = step_word(word(j));
  if (is_word(j, "that") || is_word(j, "same")) {
    step = 0;
    m.anchor = DeicticAnchor::Narrative;
  }
  // "past" and "previous" read as "last" only before a month, weekday or season; "the past year"
  // is a duration.
  const bool past_word = is_word(j, "past") || is_word(j, "previous");
  // "this year's third quarter" is read as a quarter below.
  int ordinal = 0;
  size_t after_ordinal = 0;
  const bool year_of_quarter = step && is_word(j + 1, "year") && is_punct(j + 2, '\'') &&
                               is_word(j + 3, "s") && ordinal_at(j + 4, ordinal, after_ordinal) &&
                               is_word(after_ordinal, "quarter");
  if (step && !year_of_quarter && j + 1 < size() &&
      !(j > 0 && is_word(j - 1, "the") && j - 1 < k)) {
    const size_t n = j + 1;
    const Lexeme& next = lex(n);
    m.step = *step;
    const std::string_view w = word(n);
    const bool singular = !w.empty() && w.back() != 's' && w.back() != 'S';
    if (!past_word && singular &&
        (next.unit == UnitWord::Day || next.unit == UnitWord::Week ||
         next.unit == UnitWord::Month || next.unit == UnitWord::Year)) {
      m.unit = next.unit == UnitWord::Day     ? TimeUnit::Day
               : next.unit == UnitWord::Week  ? TimeUnit::Week
               : next.unit == UnitWord::Month ? TimeUnit::Month
                                              : TimeUnit::Year;
      // "this day" is rhetorical more often than a date; "the same day" and "that day" are not.
      if (m.unit == TimeUnit::Day && m.anchor != DeicticAnchor::Narrative) return i;
      record_deictic(m, i, n + 1);
      return n + 1;
    }
    if (is_word(n, "weekend")) {
      m.kind = DeicticKind::Weekend;
      record_deictic(m, i, n + 1);
      return n + 1;
    }
    // "the past year": the year before the time of writing, as "last year".
    if (past_word && is_word(j, "past") && j > k && is_word(n, "year") &&
        !(n + 1 < size() && (is_dash(n + 1) || tok(n + 1).kind == TokenKind::Number))) {
      m.unit = TimeUnit::Year;
      record_deictic(m, i, n + 1);
      return n + 1;
    }
    // "the current fiscal year", "next fiscal year"
    if (!past_word && is_word(n, "fiscal") && is_word(n + 1, "year") &&
        !(n + 2 < size() && tok(n + 2).kind == TokenKind::Number)) {
      m.unit = TimeUnit::Year;
      record_deictic(m, i, n + 2);
      return n + 2;
    }
    if (next.weekday >= 0 && tok(n).capitalised && word(n).size() > 5) {
      m.kind = DeicticKind::Weekday;
      m.index = next.weekday;
      record_deictic(m, i, n + 1);
      return n + 1;
    }
    if (next.month > 0 && tok(n).capitalised && !next.month_abbreviation && n + 1 <= size() &&
        !(n + 1 < size() && tok(n + 1).kind == TokenKind::Number)) {
      m.kind = DeicticKind::Month;
      m.index = next.month;
      record_deictic(m, i, n + 1);
      return n + 1;
    }
    if (const PeriodPart season = season_word(w); season != PeriodPart::None) {
      if (is_word(n + 1, "of")) return i;  // "this spring of 1935" is read as a date
      m.kind = DeicticKind::Season;
      m.part = season;
      record_deictic(m, i, n + 1);
      return n + 1;
    }
    if (!past_word && is_word(n, "quarter")) {
      m.kind = DeicticKind::Quarter;
      record_deictic(m, i, n + 1);
      return n + 1;
    }
    return i;
  }
  if (has_part) {
    // "early September", "mid-November", "late 1990" is an absolute date read elsewhere.
    const Lexeme& next = lex(k);
    // "early Tuesday", "late Friday"
    if (next.weekday >= 0 && tok(k).capitalised && word(k).size() > 5) {
      m.kind = DeicticKind::Weekday;
      m.index = next.weekday;
      m.part = PeriodPart::None;
      record_deictic(m, i, k + 1);
      return k + 1;
    }
    if (next.month > 0 && tok(k).capitalised &&
        !(k + 1 < size() && tok(k + 1).kind == TokenKind::Number)) {
      m.kind = DeicticKind::Month;
      m.index = next.month;
      record_deictic(m, i, k + 1);
      return k + 1;
    }
    return i;
  }

  // "the weekend", "over the weekend": the one before the time of writing, or after it when
  // the sentence speaks of the future.
  if (is_word(k, "the") && is_word(k + 1, "weekend")) {
    m.kind = DeicticKind::Weekend;
    m.step = future_before(k) ? 1 : -1;
    m.anchor = DeicticAnchor::Speech;
    m.tense_step = true;
    record_deictic(m, k, k + 2);
    return k + 2;
  }

  // "for the year", "the full year", "the fiscal year": the year of writing, or of the story.
  if (is_word(k, "the")) {
    size_t y = k + 1;
    const bool full = is_word(y, "full");
    if (full) ++y;
    const bool fiscal = is_word(y, "fiscal");
    if (fiscal) ++y;
    const bool after_preposition =
        k > 0 && equals_any_folded(word(k - 1), {"for", "in", "during", "through", "by"});
    const bool followed =
        y + 1 < size() &&
        (tok(y + 1).kind == TokenKind::Number || lex(y + 1).cardinal >= 0 || is_dash(y + 1) ||
         is_punct(y + 1, '\'') || is_punct(y + 1, 0x2019) ||
         equals_any_folded(word(y + 1),
                           {"before", "after",     "earlier", "later",  "ago", "that", "when",
                            "which",  "following", "ended",   "ending", "in",  "of",   "to",
                            "since",  "he",        "she",     "they",   "it",  "we"}));
    if (is_word(y, "year") && !followed && (full || fiscal || after_preposition)) {
      m.unit = TimeUnit::Year;
      m.step = 0;
      record_deictic(m, k, y + 1);
      return y + 1;
    }
  }

  // "year-end", "year end", "year's end", "the end of the year": the last day of the year.
  {
    size_t e = k;
    if (is_word(e, "the") && is_word(e + 1, "end") && is_word(e + 2, "of") &&
        is_word(e + 3, "the") && is_word(e + 4, "year") &&
        !(e + 5 < size() && tok(e + 5).kind == TokenKind::Number)) {
      e += 5;
    } else if (is_word(e, "year") && is_dash(e + 1) && attached(e + 1) && is_word(e + 2, "end") &&
               attached(e + 2)) {
      e += 3;
    } else if (is_word(e, "year") && is_word(e + 1, "end") && !(e > 0 && is_word(e - 1, "the"))) {
      e += 2;
    } else if (is_word(e, "year") && (is_punct(e + 1, '\'') || is_punct(e + 1, 0x2019)) &&
               attached(e + 1) && is_word(e + 2, "s") && attached(e + 2) && is_word(e + 3, "end")) {
      e += 4;
    }
    if (e != k) {
      m.kind = DeicticKind::YearEnd;
      m.anchor = DeicticAnchor::Speech;
      record_deictic(m, i, e);
      return e;
    }
  }

  // "in the spring", "in the summer": the season of the year last stated.
  if (is_word(k, "in") && is_word(k + 1, "the")) {
    const PeriodPart season = season_word(word(k + 2));
    if (season == PeriodPart::None || is_word(k + 3, "of") || is_word(k + 2, "fall")) return i;
    m.kind = DeicticKind::Season;
    m.part = season;
    m.anchor = DeicticAnchor::Narrative;
    record_deictic(m, k + 1, k + 3);
    return k + 3;
  }

  // Quarters: "the third quarter", "third-quarter", "the fiscal first quarter", "the quarter",
  // "the latest quarter", "the third quarter of 1990", "the 1988 second quarter", "next year's
  // first quarter"; "its" stays outside, as TimeML marks it.
  {
    size_t q = k;
    size_t first = i;
    const bool the = is_word(q, "the");
    if (the) ++q;
    // "this year's", "next year's": the quarter of the year that step names.
    if (!the) {
      if (const auto s = step_word(word(q)); s && is_word(q + 1, "year") && is_punct(q + 2, '\'') &&
                                             attached(q + 2) && is_word(q + 3, "s") &&
                                             attached(q + 3)) {
        m.step = *s;
        m.relative_year = true;
        q += 4;
      }
    }
    size_t year_next = 0;
    bool era = false;
    if (the) {
      if (auto y = year_at(q, year_next, era, false)) {
        m.year = *y;
        q = year_next;
      }
    }
    if (is_word(q, "fiscal")) ++q;
    int index = 0;
    size_t after = 0;
    bool hyphenated = false;
    if (ordinal_at(q, index, after) && index >= 1 && index <= 4) {
      const size_t ordinal = q;
      q = after;
      if (is_dash(q) && attached(q)) {
        ++q;
        hyphenated = true;
        // "the third-quarter results": the article belongs to the noun, not to the quarter.
        if (the && m.year == 0) first = is_word(ordinal - 1, "fiscal") ? ordinal - 1 : ordinal;
      }
    } else if (the && m.year == 0 && (is_word(q, "latest") || is_word(q, "current"))) {
      index = 0;
      ++q;
    } else if (!the || m.year != 0) {
      q = SIZE_MAX;
    }
    if (q != SIZE_MAX && !hyphenated && is_word(q, "fiscal")) ++q;
    if (q != SIZE_MAX && is_word(q, "quarter") && (the || index > 0)) {
      m.kind = DeicticKind::Quarter;
      m.index = index;
      size_t end = q + 1;
      if (m.year == 0 && !m.relative_year && is_word(end, "of")) {
        if (auto y = year_at(end + 1, year_next, era, false)) {
          m.year = *y;
          end = year_next;
        }
      }
      record_deictic(m, first, end);
      return end;
    }
    m.step = 0;
    m.relative_year = false;
    m.year = 0;
  }

  // "the year-earlier quarter", "year-ago results": the period a year before the last one stated.
  {
    size_t y = is_word(k, "the") ? k + 1 : k;
    if (y != k && (is_word(y, "comparable") || is_word(y, "same"))) ++y;
    if (is_word(y, "year") && is_dash(y + 1) && attached(y + 1) &&
        (is_word(y + 2, "earlier") || is_word(y + 2, "ago")) && attached(y + 2)) {
      size_t end = y + 3;
      // "the year-ago third quarter" is one expression.
      int index = 0;
      size_t after = 0;
      if (ordinal_at(end, index, after) && index >= 1 && index <= 4 && is_word(after, "quarter")) {
        end = after;
      }
      if (is_word(end, "quarter") || is_word(end, "period")) ++end;
      if (end == y + 3 && y != k) return i;  // "the year-ago" alone is not an expression
      m.unit = TimeUnit::Year;
      m.step = -1;
      m.anchor = DeicticAnchor::Narrative;
      record_deictic(m, i, end);
      return end;
    }
  }

  // "fiscal 1989"
  if (is_word(k, "fiscal")) {
    size_t year_next = 0;
    bool era = false;
    if (auto y = year_at(k + 1, year_next, era, false)) {
      m.kind = DeicticKind::Step;
      m.unit = TimeUnit::Year;
      m.year = *y;
      record_deictic(m, i, year_next);
      return year_next;
    }
    return i;
  }

  // A weekday alone, written out and capitalised: "Friday", "on Monday".
  if (lex(k).weekday >= 0 && tok(k).capitalised && word(k).size() > 5) {
    m.kind = DeicticKind::Weekday;
    m.index = lex(k).weekday;
    record_deictic(m, i, k + 1);
    return k + 1;
  }

  // A month alone after a preposition: "in January", "since March", "until December"; "May" and
  // "March" only there, since elsewhere they are a verb or a name.
  // Other months also after "for" ("volume for October") and as a modifier after a determiner
  // ("a June agreement", "the October meeting").
  const bool verb_month = lex(k).month == 3 || lex(k).month == 5;
  const bool modifier = !verb_month && k + 1 < size() && tok(k + 1).kind == TokenKind::Word &&
                        !tok(k + 1).capitalised && k > 0 &&
                        equals_any_folded(word(k - 1), {"a", "an", "the", "its", "his", "her",
                                                        "their", "this", "that", "last", "next"});
  if (lex(k).month > 0 && tok(k).capitalised && k > 0 &&
      (equals_any_folded(word(k - 1), {"in", "since", "until", "till", "by", "during", "through",
                                       "from", "before", "after", "of", "early", "late"}) ||
       (!verb_month && is_word(k - 1, "for")) || modifier) &&
      !(k + 1 < size() && tok(k + 1).kind == TokenKind::Number) &&
      !(lex(k).month_abbreviation && !is_punct(k + 1, '.'))) {
    m.kind = DeicticKind::Month;
    m.index = lex(k).month;
    size_t end = k + 1;
    // "the beginning of October", "the middle of May": one expression.
    size_t first = i;
    if (k >= 3 && is_word(k - 1, "of") && is_word(k - 3, "the") &&
        equals_any_folded(word(k - 2), {"beginning", "start", "middle", "end"})) {
      first = k - 3;
    }
    if (is_punct(end, '.') && lex(k).month_abbreviation) ++end;
    // "January this year", "June last year"
    if (const auto s = step_word(word(end)); s && is_word(end + 1, "year")) {
      m.step = *s;
      end += 2;
      m.year = 0;
    } else {
      m.step = 0;
    }
    record_deictic(m, first, end);
    return end;
  }
  return i;
}

}  // namespace histlint::date_parse
