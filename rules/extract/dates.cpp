// Absolute dates: full dates in every common order, months, seasons and parts of periods,
// decades, centuries, years in date context, ranges and dual Old Style / New Style dates.
#include "rules/extract/dates.h"

#include <algorithm>
#include <array>

#include "rules/analysis.h"
#include "rules/extract/date_parser.h"

namespace histlint {

namespace {

using calendar::day_number_unchecked;
using calendar::days_in_month;

// Historical years have no year 0.
int shift_year(int year, int by) {
  int astronomical = (year < 0 ? year + 1 : year) + by;
  return astronomical <= 0 ? astronomical - 1 : astronomical;
}

void set_months(DateValue& v, int y1, int m1, int y2, int m2) {
  v.first = day_number_unchecked(y1, m1, 1, v.calendar);
  v.last = day_number_unchecked(y2, m2, days_in_month(y2, m2, v.calendar), v.calendar);
}

void set_years(DateValue& v, int y1, int y2) {
  set_months(v, y1, 1, y2, 12);
}

}  // namespace

std::string year_text(int year) {
  if (year < 0) return std::to_string(-year) + " BC";
  return year < 1000 ? "AD " + std::to_string(year) : std::to_string(year);
}

namespace {

std::string ordinal_text(int n) {
  const int last_two = n % 100;
  const char* suffix = "th";
  if (last_two < 11 || last_two > 13) {
    if (n % 10 == 1) suffix = "st";
    if (n % 10 == 2) suffix = "nd";
    if (n % 10 == 3) suffix = "rd";
  }
  return std::to_string(n) + suffix;
}

std::string_view part_prefix(PeriodPart part) {
  switch (part) {
    case PeriodPart::None:
      return "";
    case PeriodPart::Early:
      return "early ";
    case PeriodPart::Mid:
      return "mid-";
    case PeriodPart::Late:
      return "late ";
    case PeriodPart::Beginning:
      return "the beginning of ";
    case PeriodPart::End:
      return "the end of ";
    case PeriodPart::FirstHalf:
      return "the first half of ";
    case PeriodPart::SecondHalf:
      return "the second half of ";
    case PeriodPart::Spring:
      return "spring ";
    case PeriodPart::Summer:
      return "summer ";
    case PeriodPart::Autumn:
      return "autumn ";
    case PeriodPart::Winter:
      return "winter ";
  }
  return "";
}

// "the end of the 1920s" but "the end of 1928".
std::string part_text(PeriodPart part, DateGranularity g) {
  const bool period = g == DateGranularity::Decade || g == DateGranularity::Century;
  switch (part) {
    case PeriodPart::Beginning:
      return period ? "the beginning of the " : "the beginning of ";
    case PeriodPart::End:
      return period ? "the end of the " : "the end of ";
    case PeriodPart::FirstHalf:
      return period ? "the first half of the " : "the first half of ";
    case PeriodPart::SecondHalf:
      return period ? "the second half of the " : "the second half of ";
    default:
      return std::string(part_prefix(part));
  }
}
}  // namespace

std::string_view granularity_name(DateGranularity g) {
  switch (g) {
    case DateGranularity::Day:
      return "day";
    case DateGranularity::Month:
      return "month";
    case DateGranularity::Season:
      return "season";
    case DateGranularity::Year:
      return "year";
    case DateGranularity::Decade:
      return "decade";
    case DateGranularity::Century:
      return "century";
  }
  return "";
}

std::string DateValue::display() const {
  std::string out = part_text(part, granularity);
  switch (granularity) {
    case DateGranularity::Day:
      out += std::to_string(day) + " " + calendar::month_name(month);
      if (year != 0) out += " " + year_text(year);
      break;
    case DateGranularity::Month:
      out += calendar::month_name(month);
      if (year != 0) out += " " + year_text(year);
      break;
    case DateGranularity::Season:
    case DateGranularity::Year:
      out += year_text(year);
      break;
    case DateGranularity::Decade:
      out += year_text(year) + "s";
      break;
    case DateGranularity::Century:
      if (year > 0 && year % 100 == 0) {
        out += std::to_string(year) + "s";
      } else if (year > 0) {
        out += ordinal_text((year + 99) / 100) + " century";
      } else {
        out += ordinal_text(-year / 100) + " century BC";
      }
      break;
  }
  return out;
}

std::string_view unit_name(TimeUnit u, bool plural) {
  switch (u) {
    case TimeUnit::Day:
      return plural ? "days" : "day";
    case TimeUnit::Week:
      return plural ? "weeks" : "week";
    case TimeUnit::Month:
      return plural ? "months" : "month";
    case TimeUnit::Year:
      return plural ? "years" : "year";
  }
  return "";
}

double days_per_unit(TimeUnit u) {
  switch (u) {
    case TimeUnit::Day:
      return 1;
    case TimeUnit::Week:
      return 7;
    case TimeUnit::Month:
      return 365.2425 / 12;
    case TimeUnit::Year:
      return 365.2425;
  }
  return 1;
}

namespace {

// Moves every span of `facts` by `bytes` and every sentence index by `sentences` (both may be
// negative), and sets the block index: between block-relative and document positions.
void move_facts(DateFacts& facts, ptrdiff_t bytes, ptrdiff_t sentences, uint32_t block) {
  const auto move = [&](Span& span) { span.offset += static_cast<size_t>(bytes); };
  const auto move_sentence = [&](uint32_t& sentence) {
    if (sentence != UINT32_MAX) sentence = static_cast<uint32_t>(sentence + sentences);
  };
  for (DateMention& d : facts.dates) {
    move(d.span);
    move(d.value_span);
    // Spans of parts the text does not give stay {0, 0}.
    if (d.range_end) move(d.end_span);
    if (d.alternate) move(d.alternate_span);
    if (d.weekday) move(d.weekday_span);
    move_sentence(d.sentence);
    d.block = block;
  }
  for (RelativeMention& r : facts.relatives) {
    move(r.span);
    move_sentence(r.sentence);
  }
  for (AgeMention& a : facts.ages) {
    move(a.span);
    move_sentence(a.sentence);
  }
  for (AnniversaryMention& a : facts.anniversaries) {
    move(a.span);
    if (a.object_span.length > 0) move(a.object_span);
    move_sentence(a.sentence);
  }
  for (DeicticMention& m : facts.deictics) {
    move(m.span);
    move_sentence(m.sentence);
  }
}

template <class T>
void append(std::vector<T>& to, std::vector<T>& from) {
  to.insert(to.end(), std::make_move_iterator(from.begin()), std::make_move_iterator(from.end()));
}

}  // namespace

BlockDateFacts BlockDateFacts::extract_block(const Analysis& analysis, const Block& block) {
  const Document& doc = analysis.doc();
  BlockDateFacts out;
  date_parse::BlockParser parser(doc, out.facts);
  parser.parse_block(static_cast<uint32_t>(&block - doc.blocks().data()));
  move_facts(out.facts, -static_cast<ptrdiff_t>(block.span.offset),
             -static_cast<ptrdiff_t>(block.first_sentence), 0);
  return out;
}

DateFacts DateFacts::extract(const Analysis& analysis) {
  const auto& blocks = analysis.doc().blocks();
  DateFacts facts;
  for (uint32_t b = 0; b < blocks.size(); ++b) {
    if (!blocks[b].is_prose()) continue;
    const auto part = analysis.block_facts<BlockDateFacts>(blocks[b]);
    if (part->facts.mentions_old_style) facts.mentions_old_style = true;
    DateFacts placed = part->facts;
    move_facts(placed, static_cast<ptrdiff_t>(blocks[b].span.offset),
               static_cast<ptrdiff_t>(blocks[b].first_sentence), b);
    append(facts.dates, placed.dates);
    append(facts.relatives, placed.relatives);
    append(facts.ages, placed.ages);
    append(facts.anniversaries, placed.anniversaries);
    append(facts.deictics, placed.deictics);
  }
  return facts;
}

DateFacts DateFacts::extract(const Document& doc) {
  DateFacts facts;
  date_parse::BlockParser parser(doc, facts);
  for (uint32_t b = 0; b < doc.blocks().size(); ++b) {
    if (doc.blocks()[b].is_prose()) parser.parse_block(b);
  }
  return facts;
}

const DateMention* DateFacts::date_at(size_t offset) const {
  auto it = std::upper_bound(dates.begin(), dates.end(), offset,
                             [](size_t o, const DateMention& d) { return o < d.span.offset; });
  if (it == dates.begin()) return nullptr;
  --it;
  return offset < it->span.end() ? &*it : nullptr;
}

const DateMention* DateFacts::last_date_before(size_t offset) const {
  auto it = std::upper_bound(dates.begin(), dates.end(), offset,
                             [](size_t o, const DateMention& d) { return o < d.span.end(); });
  return it == dates.begin() ? nullptr : &*(it - 1);
}

std::pair<size_t, size_t> DateFacts::dates_in_sentence(uint32_t sentence) const {
  auto lo = std::lower_bound(dates.begin(), dates.end(), sentence,
                             [](const DateMention& d, uint32_t s) { return d.sentence < s; });
  auto hi = std::upper_bound(lo, dates.end(), sentence,
                             [](uint32_t s, const DateMention& d) { return s < d.sentence; });
  return {static_cast<size_t>(lo - dates.begin()), static_cast<size_t>(hi - dates.begin())};
}

namespace date_parse {

namespace {

bool in_list(std::string_view word, std::initializer_list<std::string_view> list) {
  for (std::string_view w : list) {
    if (equals_folded(word, w)) return true;
  }
  return false;
}

// Words after which a number is a label or an amount, not a year: "p. 1917", "No. 1905".
bool is_number_label(std::string_view w) {
  return in_list(w,
                 {"p",       "pp",     "page",  "pages",   "no",      "nos",  "nr",        "vol",
                  "vols",    "volume", "ch",    "chap",    "chapter", "fig",  "figure",    "art",
                  "article", "isbn",   "issn",  "tel",     "ext",     "room", "flight",    "route",
                  "line",    "lines",  "verse", "verses",  "col",     "item", "number",    "op",
                  "opus",    "ref",    "box",   "folio",   "fol",     "ff",   "f",         "ms",
                  "mss",     "file",   "para",  "section", "sec",     "cat",  "catalogue", "lot",
                  "plate",   "table",  "issue", "bus",     "tram",    "km",   "mile"});
}

// Nouns that make the number before them a count: "1500 soldiers", "1917 votes".
bool is_count_noun(std::string_view w) {
  return in_list(
      w, {"people",     "men",        "women",        "persons",     "soldiers",   "troops",
          "workers",    "members",    "delegates",    "votes",       "copies",     "pages",
          "miles",      "kilometres", "kilometers",   "km",          "metres",     "meters",
          "feet",       "yards",      "tons",         "tonnes",      "dollars",    "pounds",
          "roubles",    "rubles",     "francs",       "marks",       "lire",       "pesos",
          "euros",      "times",      "deaths",       "dead",        "casualties", "prisoners",
          "killed",     "wounded",    "words",        "rounds",      "acres",      "hectares",
          "horses",     "guns",       "ships",        "aircraft",    "planes",     "tanks",
          "students",   "children",   "families",     "houses",      "villages",   "cases",
          "signatures", "strikers",   "employees",    "inhabitants", "residents",  "refugees",
          "letters",    "items",      "books",        "percent",     "per",        "years",
          "months",     "days",       "weeks",        "hours",       "minutes",    "seconds",
          "decades",    "centuries",  "shares",       "arrests",     "executions", "victims",
          "followers",  "supporters", "participants", "cattle",      "head",       "sheep",
          "rifles",     "cannon",     "vessels",      "bushels",     "barrels",    "articles",
          "documents",  "files",      "entries",      "lines",       "verses",     "calories",
          "degrees",    "m",          "ft",           "kg",          "lb",         "lbs",
          "dwellings",  "apartments", "rooms",        "seats",       "deputies",   "candidates",
          "branches",   "cells"});
}

// "unsuccessful", "famous", "disputed", "historic", "annual", "decisive": words that may
// stand between a determiner and the year they qualify.
bool has_adjective_ending(std::string_view w) {
  if (w.size() < 5) return false;
  for (std::string_view ending : {"ful", "ous", "ed", "ic", "al", "ive", "less", "ary"}) {
    if (w.ends_with(ending)) return !in_list(w, {"total", "estimated", "additional"});
  }
  return false;
}

// Words that introduce a year: "in 1927", "since 1924", "by 1930".
bool is_year_preposition(std::string_view w) {
  return in_list(w, {"in",     "of",     "since",      "from",     "until",         "till",
                     "by",     "during", "before",     "after",    "circa",         "c",
                     "ca",     "around", "about",      "year",     "between",       "early",
                     "late",   "mid",    "throughout", "through",  "than",          "dated",
                     "dating", "ending", "beginning",  "starting", "pre",           "post",
                     "spring", "summer", "autumn",     "winter",   "unto",          "til",
                     "on",     "at",     "towards",    "toward",   "approximately", "ad",
                     "mid-",   "as",     "latest",     "earliest", "into"});
}

// Nouns that a year can qualify after "the": "the 1905 revolution".
bool is_event_noun(std::string_view w) {
  return in_list(
      w, {"revolution",  "revolutions",  "election", "elections",  "war",        "uprising",
          "strike",      "strikes",      "congress", "crisis",     "coup",       "constitution",
          "census",      "treaty",       "campaign", "season",     "edition",    "act",
          "law",         "film",         "novel",    "trials",     "trial",      "purge",
          "purges",      "famine",       "invasion", "putsch",     "conference", "olympics",
          "games",       "agreement",    "pact",     "referendum", "rebellion",  "revolt",
          "mutiny",      "massacre",     "riots",    "pogrom",     "pogroms",    "armistice",
          "plan",        "budget",       "reforms",  "reform",     "manifesto",  "programme",
          "program",     "split",        "debate",   "speech",     "letter",     "decree",
          "declaration", "events",       "crash",    "depression", "earthquake", "fire",
          "flood",       "exhibition",   "fair",     "expedition", "voyage",     "visit",
          "meeting",     "plenum",       "session",  "offensive",  "retreat",    "insurrection",
          "general",     "presidential", "world",    "winter",     "summer",     "spring",
          "autumn",      "student",      "party",    "article",    "book",       "essay",
          "interview",   "report"});
}

bool is_sentence_verb(std::string_view w) {
  return in_list(w, {"was", "saw", "marked", "brought", "began", "ended", "proved", "became", "is",
                     "remains", "witnessed"});
}

bool is_dash_char(char32_t c) {
  return c == '-' || c == 0x2013 || c == 0x2014 || c == 0x2212 || c == 0x2010 || c == 0x2011;
}

// Sets the interval of a year, decade or century qualified by a part ("early 1920s").
void set_part_interval(DateValue& v, int first_year, int span_years) {
  const int n = span_years;
  auto years = [&](int from, int to) {  // offsets within the period
    set_years(v, shift_year(first_year, from), shift_year(first_year, to));
  };
  if (n == 1) {
    const int y = first_year;
    switch (v.part) {
      case PeriodPart::Early:
        set_months(v, y, 1, y, 4);
        return;
      case PeriodPart::Mid:
        set_months(v, y, 4, y, 9);
        return;
      case PeriodPart::Late:
        set_months(v, y, 9, y, 12);
        return;
      case PeriodPart::Beginning:
        set_months(v, y, 1, y, 3);
        return;
      case PeriodPart::End:
        set_months(v, y, 10, y, 12);
        return;
      case PeriodPart::FirstHalf:
        set_months(v, y, 1, y, 6);
        return;
      case PeriodPart::SecondHalf:
        set_months(v, y, 7, y, 12);
        return;
      case PeriodPart::Spring:
        set_months(v, y, 3, y, 5);
        return;
      case PeriodPart::Summer:
        set_months(v, y, 6, y, 8);
        return;
      case PeriodPart::Autumn:
        set_months(v, y, 9, y, 11);
        return;
      // "The winter of 1917" may mean either end of the year: take both.
      case PeriodPart::Winter:
        set_months(v, shift_year(y, -1), 12, shift_year(y, 1), 2);
        return;
      case PeriodPart::None:
        set_years(v, y, y);
        return;
    }
  }
  // Decades (n = 10) and centuries (n = 100), in proportion; the parts overlap on purpose.
  switch (v.part) {
    case PeriodPart::Early:
      years(0, n * 35 / 100 - (n == 10 ? 0 : 1));
      return;
    case PeriodPart::Mid:
      years(n * 3 / 10, n * 7 / 10);
      return;
    case PeriodPart::Late:
      years(n * 65 / 100 - (n == 10 ? 1 : 0), n - 1);
      return;
    case PeriodPart::Beginning:
      years(0, n / 5 - (n == 10 ? 0 : 1));
      return;
    case PeriodPart::End:
      years(n * 7 / 10, n - 1);
      return;
    case PeriodPart::FirstHalf:
      years(0, n / 2 - 1);
      return;
    case PeriodPart::SecondHalf:
      years(n / 2, n - 1);
      return;
    default:
      years(0, n - 1);
      return;
  }
}

PeriodPart part_word(std::string_view w) {
  if (equals_folded(w, "early")) return PeriodPart::Early;
  if (equals_folded(w, "mid") || equals_folded(w, "middle")) return PeriodPart::Mid;
  if (equals_folded(w, "late")) return PeriodPart::Late;
  if (equals_folded(w, "beginning") || equals_folded(w, "start")) return PeriodPart::Beginning;
  if (equals_folded(w, "end") || equals_folded(w, "close")) return PeriodPart::End;
  if (equals_folded(w, "spring")) return PeriodPart::Spring;
  if (equals_folded(w, "summer")) return PeriodPart::Summer;
  if (equals_folded(w, "autumn") || equals_folded(w, "fall")) return PeriodPart::Autumn;
  if (equals_folded(w, "winter")) return PeriodPart::Winter;
  return PeriodPart::None;
}

bool is_season(PeriodPart p) {
  return p >= PeriodPart::Spring;
}

}  // namespace

bool BlockParser::count_follows(size_t i) const {
  return i < size() && tok(i).kind == TokenKind::Word &&
         (lex(i).unit != UnitWord::None || is_count_noun(word(i)));
}

bool BlockParser::is_punct(size_t i, char32_t c) const {
  return i < size() && tok(i).kind == TokenKind::Punct && tok(i).punct == c;
}

bool BlockParser::is_dash(size_t i) const {
  return i < size() && tok(i).kind == TokenKind::Punct && is_dash_char(tok(i).punct);
}

Span BlockParser::span_of(size_t first, size_t next) const {
  return Span{tok(first).begin, tok(next - 1).end - tok(first).begin};
}

uint32_t BlockParser::sentence_of(size_t token) const {
  const Sentence* s = doc_.sentence_at(tok(token).begin);
  return s ? static_cast<uint32_t>(s - doc_.sentences().data()) : UINT32_MAX;
}

void BlockParser::parse_block(uint32_t block_index) {
  const Block& block = doc_.blocks()[block_index];
  block_ = block_index;
  block_quoted_ = block.kind == BlockKind::BlockQuote;
  block_references_ = block.in_reference_section || block.kind == BlockKind::FootnoteDefinition;
  block_heading_ = block.kind == BlockKind::Heading;
  // Long blocks are read in windows cut at sentence starts, so the token buffer stays small
  // even for a single-line file of many megabytes.
  ScanState state;
  size_t pos = block.span.offset;
  while (pos < block.span.end()) {
    size_t limit = block.span.end();
    if (limit - pos > kWindowBytes) {
      limit = window_end(pos, pos + kWindowBytes);
    }
    last_date_next_ = SIZE_MAX;
    tokenize(text_, pos, limit, state, tokens_);
    for (size_t i = 0; i < size();) {
      if (tok(i).kind == TokenKind::Punct ||
          (tok(i).kind == TokenKind::Word && !tok(i).lex.may_start)) {
        ++i;
        continue;
      }
      size_t next = try_date(i);
      if (next == i) next = try_relative(i);
      i = next == i ? i + 1 : next;
    }
    pos = limit;
  }
}

size_t BlockParser::window_end(size_t begin, size_t wanted) const {
  // The start of the sentence holding `wanted`, else the last white space before it.
  if (const Sentence* s = doc_.sentence_at(wanted); s && s->span.offset > begin) {
    return s->span.offset;
  }
  for (size_t p = wanted; p > wanted - 256 && p > begin; --p) {
    if (text_[p] == ' ' || text_[p] == '\n') return p;
  }
  // No break at all: cut before a UTF-8 continuation byte never falls inside a character.
  size_t p = wanted;
  while (p > begin && (static_cast<unsigned char>(text_[p]) & 0xC0) == 0x80) --p;
  return p;
}

int BlockParser::month_at(size_t i, size_t& next, bool full_date) const {
  const int month = lex(i).month;
  if (month == 0) return 0;
  if (lex(i).language == Language::English ? !tok(i).capitalised : !full_date) return 0;
  next = i + 1;
  if (lex(i).month_abbreviation) {
    if (is_punct(i + 1, '.') && attached(i + 1)) {
      next = i + 2;
    } else if (i + 1 >= size() || tok(i + 1).kind != TokenKind::Number) {
      return 0;  // "Mar" or "Dec" alone is more likely a name than a month
    }
  }
  return month;
}

int BlockParser::day_at(size_t i) const {
  if (i >= size() || tok(i).kind != TokenKind::Number) return 0;
  const Token& t = tok(i);
  if (t.number_form != NumberForm::Plain && t.number_form != NumberForm::Ordinal) return 0;
  if (t.digits > 2 || t.value < 1 || t.value > 31) return 0;
  return t.value;
}

int BlockParser::year_in_words_at(size_t i, size_t& next) const {
  // A year said as two numbers, as speech transcripts write it: "nineteen ninety-six",
  // "eighteen twelve", "nineteen oh five". Only from eleven to twenty hundred.
  const int hundreds = lex(i).cardinal;
  if (hundreds < 11 || hundreds > 20 || i + 1 >= size() || tok(i + 1).kind != TokenKind::Word) {
    return 0;
  }
  int rest = 0;
  size_t k = i + 1;
  if (is_word(k, "oh") || is_word(k, "hundred")) {
    const bool oh = is_word(k, "oh");
    ++k;
    rest = lex(k).cardinal;
    if (rest < 1 || rest > 9) {
      if (oh) return 0;
      rest = 0;  // "eighteen hundred"
    } else {
      ++k;
    }
  } else {
    if (!number_words_at(k, rest, k) || rest < 10 || rest > 99) return 0;
  }
  if (is_dash(k) && attached(k)) return 0;  // "twelve thirty-day instalments" is a count
  next = k;
  return hundreds * 100 + rest;
}

bool BlockParser::era_at(size_t i, size_t& next, bool& before_christ) const {
  if (i >= size() || tok(i).kind != TokenKind::Word) return false;
  const std::string_view w = word(i);
  if (w == "BC" || w == "BCE" || w == "AD" || w == "CE") {
    before_christ = w[0] == 'B';
    next = i + 1;
    return true;
  }
  // Dotted forms: B.C., B.C.E., A.D., C.E.
  auto letter = [&](size_t k, char c) {
    return k < size() && tok(k).kind == TokenKind::Word && word(k).size() == 1 && word(k)[0] == c &&
           is_punct(k + 1, '.') && attached(k + 1);
  };
  if (letter(i, 'B') && letter(i + 2, 'C') && attached(i + 2)) {
    before_christ = true;
    next = i + 4;
    if (letter(next, 'E') && attached(next)) next += 2;
    return true;
  }
  if (letter(i, 'A') && letter(i + 2, 'D') && attached(i + 2)) {
    before_christ = false;
    next = i + 4;
    return true;
  }
  if (letter(i, 'C') && letter(i + 2, 'E') && attached(i + 2)) {
    before_christ = false;
    next = i + 4;
    return true;
  }
  return false;
}

std::optional<int> BlockParser::year_at(size_t i, size_t& next, bool& era, bool allow_short) const {
  era = false;
  bool before_christ = false;
  size_t k = i;
  size_t after_era = 0;
  // "AD 79"
  if (era_at(k, after_era, before_christ) && !before_christ && after_era < size() &&
      tok(after_era).kind == TokenKind::Number) {
    era = true;
    k = after_era;
  }
  if (k >= size() || tok(k).kind != TokenKind::Number) return std::nullopt;
  const Token& t = tok(k);
  if (t.number_form != NumberForm::Plain || t.digits > 4 || t.value < 1) return std::nullopt;
  next = k + 1;
  if (!era && era_at(k + 1, after_era, before_christ)) {
    era = true;
    next = after_era;
  }
  if (era) return before_christ ? -t.value : t.value;
  if (t.digits == 4 && t.value >= 1000 && t.value <= 2100) return t.value;
  if (t.digits == 3 && allow_short && t.value >= 100) return t.value;
  return std::nullopt;
}

int BlockParser::dual_year_at(size_t i, int year, int month, size_t& next) const {
  if (month < 1 || month > 3 || !is_punct(i, '/') || !attached(i) || !attached(i + 1)) return 0;
  const Token& t = tok(i + 1);
  if (t.kind != TokenKind::Number || t.number_form != NumberForm::Plain) return 0;
  const int modulus = t.digits == 1 ? 10 : t.digits == 2 ? 100 : t.digits == 4 ? 10000 : 0;
  if (modulus == 0 || t.value != (year + 1) % modulus) return 0;
  next = i + 2;
  return year + 1;
}

bool BlockParser::old_style_marker_at(size_t i, size_t& next, Calendar& cal) const {
  if (i >= size() || tok(i).kind != TokenKind::Word) return false;
  const std::string_view w = word(i);
  auto dotted = [&](char a) {  // "O.S." / "N.S." (the last dot may be the sentence's)
    return w.size() == 1 && w[0] == a && is_punct(i + 1, '.') && attached(i + 1) &&
           i + 2 < size() && word(i + 2) == "S" && attached(i + 2);
  };
  if (dotted('O') || dotted('N')) {
    cal = w[0] == 'O' ? Calendar::Julian : Calendar::Gregorian;
    next = i + 3;
    if (is_punct(next, '.') && attached(next)) ++next;
    return true;
  }
  if (w == "OS" || w == "NS") {
    cal = w[0] == 'O' ? Calendar::Julian : Calendar::Gregorian;
    next = i + 1;
    return true;
  }
  if ((equals_folded(w, "old") || equals_folded(w, "new")) && is_word(i + 1, "style")) {
    cal = equals_folded(w, "old") ? Calendar::Julian : Calendar::Gregorian;
    next = i + 2;
    return true;
  }
  if (equals_folded(w, "julian") || equals_folded(w, "gregorian")) {
    cal = equals_folded(w, "julian") ? Calendar::Julian : Calendar::Gregorian;
    next = i + 1;
    if (is_word(next, "calendar")) ++next;
    return true;
  }
  return false;
}

void BlockParser::finish_value(DateValue& v) const {
  normalise_date(v);
}

bool BlockParser::parse_alternate(size_t i, Point& p, bool year_follows) {
  if (i >= size()) return false;
  char32_t close = 0;
  if (is_punct(i, '[')) close = ']';
  if (is_punct(i, '(')) close = ')';
  const bool slash = is_punct(i, '/');
  if (!close && !slash) return false;
  size_t j = i + 1;
  Calendar marked = Calendar::Gregorian;
  bool has_marker = old_style_marker_at(j, j, marked);
  DateValue inner;
  inner.granularity = DateGranularity::Day;
  size_t after_month = 0;
  if (int d = day_at(j); d != 0) {
    inner.day = d;
    size_t k = j + 1;
    if (is_word(k, "of")) ++k;
    inner.month = month_at(k, after_month);
    j = after_month;
  } else if (int m = month_at(j, after_month); m != 0 && day_at(after_month) != 0) {
    inner.month = m;
    inner.day = day_at(after_month);
    j = after_month + 1;
  }
  if (inner.month == 0) {
    // A bare marker: "26 October 1879 (O.S.)" states the calendar of the date itself.
    if (!has_marker || slash || !is_punct(j, close) || year_follows) return false;
    p.value.calendar = marked;
    p.value.calendar_stated = true;
    p.alternate_first = i;
    p.alternate_next = j + 1;
    return true;
  }
  size_t after_year = 0;
  bool era = false;
  if (auto y = year_at(j, after_year, era, false)) {
    inner.year = *y;
    j = after_year;
    if (const int later = dual_year_at(j, inner.year, inner.month, j)) {
      inner.year = later;
      has_marker = true;  // a year given both ways is Old Style
      marked = Calendar::Julian;
    }
  }
  Calendar trailing = Calendar::Gregorian;
  if (!has_marker && old_style_marker_at(j, j, trailing)) {
    has_marker = true;
    marked = trailing;
  }
  if (close) {
    if (!is_punct(j, close)) return false;
    ++j;
  }
  p.alternate_marked = has_marker;
  if (!has_marker) {
    // Unmarked, the pair must be 9 to 15 days apart to read as the two calendars; the earlier
    // label is the Julian one.
    const int main_pos = p.value.month * 31 + p.value.day;
    const int inner_pos = inner.month * 31 + inner.day;
    int gap = inner_pos - main_pos;
    if (p.value.month == 12 && inner.month == 1) gap = inner.day + 31 - p.value.day;
    if (p.value.month == 1 && inner.month == 12) gap = -(p.value.day + 31 - inner.day);
    const int distance = gap < 0 ? -gap : gap;
    if (distance < 9 || distance > 15 || inner.month == 0) return false;
    marked = gap > 0 ? Calendar::Gregorian : Calendar::Julian;
  }
  inner.calendar = marked;
  inner.calendar_stated = true;
  p.value.calendar = marked == Calendar::Julian ? Calendar::Gregorian : Calendar::Julian;
  p.value.calendar_stated = true;
  p.alternate = inner;
  p.alternate_first = i;
  p.alternate_next = j;
  return true;
}

bool BlockParser::parse_day_month(size_t i, Point& p) {
  const int day = day_at(i);
  if (day == 0) return false;
  size_t k = i + 1;
  // German writes the day as an ordinal number with a dot: "21. August 1940".
  const bool dotted_day = is_punct(k, '.') && attached(k);
  if (dotted_day || is_word(k, "of") || is_word(k, "de")) ++k;
  size_t n = 0;
  const int month = month_at(k, n, true);
  if (month == 0) return false;
  const Language language = lex(k).language;
  const bool foreign = language != Language::English;
  // "de" is Spanish, a dotted day German or Scandinavian: neither goes with an English month name
  // except the German ones spelled the same ("August").
  if (is_word(k - 1, "de") && language != Language::Spanish) return false;
  if (dotted_day &&
      !(tok(k).capitalised && (language == Language::English || language == Language::German))) {
    return false;
  }
  // "Chapter 21. August 1940 was …" ends a sentence with a numbered label: a month spelled as in
  // English after a dotted day is German only when no such label precedes the day.
  if (dotted_day && language == Language::English && number_label_before(i)) return false;
  p.value.day = day;
  p.value.month = month;
  p.value.granularity = DateGranularity::Day;
  if (!foreign && !dotted_day && parse_alternate(n, p, true)) n = p.alternate_next;
  size_t after_year = 0;
  bool era = false;
  size_t year_pos = is_punct(n, ',') ? n + 1 : n;
  if (foreign && (is_word(n, "de") || is_word(n, "del"))) year_pos = n + 1;
  if (auto y = year_at(year_pos, after_year, era, false); y && !count_follows(after_year)) {
    p.value.year = *y;
    n = after_year;
    if (language == Language::Russian) n = after_russian_year_word(n);
    if (const int later = p.alternate ? 0 : dual_year_at(n, p.value.year, month, n)) {
      p.value.year = later;
      p.value.calendar = Calendar::Julian;
      p.value.calendar_stated = true;
    }
    if (!p.alternate && parse_alternate(n, p, false)) n = p.alternate_next;
  } else if (foreign || dotted_day) {
    return false;  // a foreign month name or a dotted day is read only in a full date
  }
  // Russia kept the Julian calendar until February 1918: a Russian date before then may be Old
  // Style, so the calendar rules treat the text as one that deals in Old Style dates.
  if (language == Language::Russian && p.value.year < 1918) out_.mentions_old_style = true;
  Calendar marked = Calendar::Gregorian;
  if (!p.alternate && !p.value.calendar_stated && old_style_marker_at(n, n, marked)) {
    p.value.calendar = marked;
    p.value.calendar_stated = true;
  }
  p.first = i;
  p.next = n;
  return true;
}

size_t BlockParser::after_russian_year_word(size_t i) const {
  // "1940 г." and "1940 года" (of the year) belong to the date.
  if (i < size() && tok(i).kind == TokenKind::Word) {
    const std::string_view w = word(i);
    if (w == "г" && is_punct(i + 1, '.') && attached(i + 1)) return i + 2;
    if (w == "года" || w == "году") return i + 1;
  }
  return i;
}

bool BlockParser::parse_month_first(size_t i, Point& p) {
  size_t n = 0;
  const int month = month_at(i, n);
  if (month == 0) return false;
  size_t after = 0;
  bool era = false;
  const int day = day_at(n);
  if (day != 0 && tok(n).digits <= 2) {
    size_t k = n + 1;
    if (count_follows(k)) return false;  // "May 5 soldiers" is a count
    p.value.month = month;
    p.value.day = day;
    p.value.granularity = DateGranularity::Day;
    size_t year_pos = is_punct(k, ',') ? k + 1 : k;
    if (auto y = year_at(year_pos, after, era, false); y && !count_follows(after)) {
      p.value.year = *y;
      k = after;
    }
    Calendar marked = Calendar::Gregorian;
    if (old_style_marker_at(k, k, marked)) {
      p.value.calendar = marked;
      p.value.calendar_stated = true;
    }
    p.first = i;
    p.next = k;
    return true;
  }
  size_t year_pos = is_punct(n, ',') ? n + 1 : n;
  auto y = year_at(year_pos, after, era, false);
  if (!y) {
    const int said = year_in_words_at(n, after);
    if (said == 0) return false;
    y = said;
  }
  if (count_follows(after)) return false;
  p.value.month = month;
  p.value.year = *y;
  p.value.granularity = DateGranularity::Month;
  p.first = i;
  p.next = after;
  return true;
}

bool BlockParser::parse_iso(size_t i, Point& p) {
  auto number = [&](size_t k, int digits) {
    return k < size() && tok(k).kind == TokenKind::Number &&
           tok(k).number_form == NumberForm::Plain && tok(k).digits == digits;
  };
  if (!number(i, 4) || !is_punct(i + 1, '-') || !attached(i + 1) || !number(i + 2, 2) ||
      !attached(i + 2) || !is_punct(i + 3, '-') || !attached(i + 3) || !number(i + 4, 2) ||
      !attached(i + 4)) {
    return false;
  }
  if (i + 5 < size() && attached(i + 5) && (is_dash(i + 5) || is_punct(i + 5, ':'))) return false;
  const int month = tok(i + 2).value;
  const int day = tok(i + 4).value;
  if (month < 1 || month > 12 || day < 1 || day > 31 || tok(i).value < 1000) return false;
  p.value.year = tok(i).value;
  p.value.month = month;
  p.value.day = day;
  p.value.granularity = DateGranularity::Day;
  p.first = i;
  p.next = i + 5;
  return true;
}

bool BlockParser::parse_decade(size_t i, Point& p, PeriodPart part) {
  if (i >= size() || tok(i).kind != TokenKind::Number) return false;
  const Token& t = tok(i);
  if (t.number_form != NumberForm::Plural || t.digits != 4 || t.value % 10 != 0 || t.value < 1000 ||
      t.value > 2100) {
    return false;
  }
  p.value.year = t.value;
  p.value.part = part;
  p.value.granularity = t.value % 100 == 0 ? DateGranularity::Century : DateGranularity::Decade;
  p.first = i;
  p.next = i + 1;
  return true;
}

bool BlockParser::parse_century(size_t i, Point& p, PeriodPart part) {
  int n = 0;
  size_t k = 0;
  if (!ordinal_at(i, n, k) || n < 1 || n > 21) return false;
  if (is_dash(k) && attached(k)) ++k;  // "19th-century"
  if (!is_word(k, "century") && !is_word(k, "centuries")) return false;
  ++k;
  bool before_christ = false;
  size_t after_era = 0;
  if (era_at(k, after_era, before_christ)) k = after_era;
  p.value.year = before_christ ? -(n * 100) : (n - 1) * 100 + 1;
  p.value.granularity = DateGranularity::Century;
  p.value.part = part;
  p.first = i;
  p.next = k;
  return true;
}

bool BlockParser::parse_part_of_period(size_t i, Point& p) {
  size_t k = i;
  if (is_word(k, "the")) ++k;
  PeriodPart part = part_word(word(k));
  if (part == PeriodPart::None) {
    if (is_word(k, "first") && is_word(k + 1, "half")) part = PeriodPart::FirstHalf;
    if (is_word(k, "second") && is_word(k + 1, "half")) part = PeriodPart::SecondHalf;
    if (part == PeriodPart::None) return false;
    ++k;
  }
  const bool is_fall = is_word(k, "fall");
  ++k;
  if (is_dash(k) && attached(k)) ++k;  // "mid-1920s"
  if (is_word(k, "part") || is_word(k, "years")) ++k;
  bool of = false;
  if (is_word(k, "of")) {
    of = true;
    ++k;
  }
  // "the fall of 1453" is as often a city's fall as the autumn.
  if (is_fall && of) return false;
  if (is_word(k, "the")) ++k;
  if (parse_decade(k, p, part) || parse_century(k, p, part)) {
    if (is_season(part)) return false;
    p.first = i;
    return true;
  }
  size_t after = 0;
  bool era = false;
  std::optional<int> y = year_at(k, after, era, false);
  if (!y && is_word(k - 1, "of")) {
    if (const int said = year_in_words_at(k, after)) y = said;  // "the winter of nineteen …"
  }
  if (y) {
    p.value.year = *y;
    p.value.part = part;
    p.value.granularity = DateGranularity::Season;
    p.first = i;
    p.next = after;
    return true;
  }
  return false;
}

std::optional<Point> BlockParser::parse_point(size_t i, bool in_range) {
  Point p;
  p.first = i;
  if (i >= size()) return std::nullopt;
  const bool foreign_weekday = lex(i).language != Language::English;
  if (tok(i).kind == TokenKind::Word && (tok(i).capitalised || foreign_weekday)) {
    const int wd = lex(i).weekday;
    if (wd >= 0) {
      size_t k = i + 1;
      const bool abbreviated = !foreign_weekday && word(i).size() <= 5;
      if (abbreviated && !(is_punct(k, '.') || is_punct(k, ','))) return std::nullopt;
      if (is_punct(k, '.') && attached(k)) ++k;
      if (is_punct(k, ',')) ++k;
      // "the", and the articles of "lundi le 19 juin", "Montag, den 19. Juni", "lunes, el 19".
      if (foreign_weekday ? equals_any_folded(word(k), {"le", "den", "el", "il"})
                          : is_word(k, "the")) {
        ++k;
      }
      const bool read = parse_day_month(k, p) || (!foreign_weekday && parse_month_first(k, p));
      if (read) {
        p.weekday = static_cast<calendar::Weekday>(wd);
        p.weekday_token = i;
        p.first = i;
        return p;
      }
      return std::nullopt;
    }
  }
  if (parse_iso(i, p) || parse_day_month(i, p) || parse_month_first(i, p) ||
      parse_part_of_period(i, p) || parse_decade(i, p, PeriodPart::None) ||
      parse_century(i, p, PeriodPart::None)) {
    return p;
  }
  size_t next = 0;
  bool era = false;
  if (auto y = year_at(i, next, era, in_range)) {
    p.value.year = *y;
    p.value.granularity = DateGranularity::Year;
    p.next = next;
    p.bare_year = !era;
    return p;
  }
  // A year in words stands where a preposition or a season makes it a date: "in nineteen
  // ninety-six", "the winter of nineteen ninety-four".
  if (i > 0 && equals_any_folded(word(i - 1), {"in", "of", "since", "until", "till", "by", "from",
                                               "before", "after", "during", "to", "through"})) {
    if (const int said = year_in_words_at(i, next); said != 0 && !count_follows(next)) {
      p.value.year = said;
      p.value.granularity = DateGranularity::Year;
      p.next = next;
      return p;
    }
  }
  // Or before the noun it dates: "a nineteen ninety-seven attack".
  if (i > 0 && equals_any_folded(
                   word(i - 1), {"a", "an", "the", "his", "her", "its", "their", "that", "this"})) {
    if (const int said = year_in_words_at(i, next);
        said != 0 && next < size() && tok(next).kind == TokenKind::Word && !tok(next).capitalised &&
        !count_follows(next) && word(next).back() != 's') {
      p.value.year = said;
      p.value.granularity = DateGranularity::Year;
      p.next = next;
      return p;
    }
  }
  size_t after_month = 0;
  if (int m = month_at(i, after_month); m != 0) {
    p.value.month = m;
    p.value.granularity = DateGranularity::Month;
    p.next = after_month;
    p.bare_month = true;
    return p;
  }
  return std::nullopt;
}

bool BlockParser::number_label_before(size_t i) const {
  if (i == 0) return false;
  size_t prev = i - 1;
  if (is_punct(prev, '.') && prev > 0) --prev;
  return is_number_label(word(prev));
}

bool BlockParser::bare_year_in_date_context(size_t i, size_t next) const {
  const Token& year = tok(i);
  if (is_dash(next) && attached(next) && next + 1 < size() &&
      tok(next + 1).kind == TokenKind::Number && attached(next + 1)) {
    return false;
  }
  if (next < size()) {
    const Token& after = tok(next);
    if (after.kind == TokenKind::Punct && (after.punct == '%' || after.punct == ':') &&
        next + 1 < size() && (after.punct == '%' || tok(next + 1).kind == TokenKind::Number)) {
      return false;
    }
    if (count_follows(next)) return false;
  }
  // The word before, skipping a dot that belongs to it ("p. 1917", "c. 1900").
  // A heading's year: "# 1917", "## 1905 and after".
  if (block_heading_) return true;
  if (i == 0) return starts_sentence_as_subject(i, next);
  size_t prev = i - 1;
  if (is_punct(prev, '.') && prev > 0 && tok(prev - 1).kind == TokenKind::Word) --prev;
  const Token& before = tok(prev);
  if (before.kind == TokenKind::Punct) {
    const char32_t c = before.punct;
    if (c == '$' || c == 0x00A3 || c == 0x20AC || c == '#' || c == 0x2116 || c == 0x00A7 ||
        c == 0x00A5) {
      return false;
    }
    if (c == '(' || c == '[') return true;
    if ((c == ',' || c == ';' || c == ':') && year.paren_depth > 0) return true;
    // A list of years: "in 1905, 1917 and 1927".
    if (c == ',' && last_date_next_ == prev) return true;
    // "Tampico, 1937." — a place and a year, as in captions and imprints.
    if (c == ',' && prev > 0 && tok(prev - 1).kind == TokenKind::Word &&
        tok(prev - 1).capitalised &&
        (next >= size() || is_punct(next, '.') || is_punct(next, ',') || is_punct(next, ')'))) {
      return true;
    }
  } else if (before.kind == TokenKind::Word) {
    const std::string_view w = word(prev);
    if (is_number_label(w)) return false;
    if ((equals_folded(w, "and") || equals_folded(w, "or") || equals_folded(w, "to")) &&
        last_date_next_ == prev) {
      return true;
    }
    if (equals_folded(w, "of") && prev > 0) {
      const std::string_view w2 = word(prev - 1);
      if (in_list(w2, {"total",       "number",  "sum",     "population", "force",    "army",
                       "group",       "out",     "crowd",   "majority",   "figure",   "estimate",
                       "maximum",     "minimum", "average", "score",      "tally",    "budget",
                       "cost",        "price",   "loss",    "losses",     "strength", "membership",
                       "circulation", "debt",    "salary",  "fine",       "ransom",   "some",
                       "all",         "each"})) {
        return false;
      }
    }
    if (is_year_preposition(w)) return true;
    // "in both 1990 and 1991"
    if (equals_folded(w, "both") && prev > 0 && is_year_preposition(word(prev - 1))) return true;
    // "For 1988, the company earned", "expectations for 1989": a year standing alone after "for".
    if (equals_folded(w, "for") &&
        (next >= size() || is_punct(next, ',') || is_punct(next, '.') || is_punct(next, ';') ||
         is_punct(next, '"') || is_punct(next, 0x201D))) {
      return true;
    }
    // A determiner or a possessive ("Paribas's") before the year, or before an adjective before
    // it ("his unsuccessful 1996 campaign").
    const auto determiner_at = [&](size_t k) {
      if (equals_any_folded(word(k), {"the", "his", "her", "their", "its", "that", "this"})) {
        return true;
      }
      return equals_folded(word(k), "s") && k > 0 && attached(k) &&
             (is_punct(k - 1, '\'') || is_punct(k - 1, 0x2019));
    };
    const bool adjective = !before.capitalised && prev > 0 &&
                           tok(prev - 1).kind == TokenKind::Word && determiner_at(prev - 1) &&
                           has_adjective_ending(w);
    const bool determined = determiner_at(prev) || adjective;
    if ((determined || equals_any_folded(w, {"a", "an"})) && next < size() &&
        tok(next).kind == TokenKind::Word && (tok(next).capitalised || is_event_noun(word(next)))) {
      return true;
    }
    // "its 1988 recapitalization", "the 1987 level": a year before a singular noun; a count is
    // followed by a plural ("the 1500 soldiers") or one of a few collective words.
    if (determined && next < size() && tok(next).kind == TokenKind::Word &&
        !tok(next).capitalised && !count_follows(next) && word(next).size() > 2 &&
        word(next).back() != 's' &&
        !in_list(word(next),
                 {"horse",   "foot",     "strong", "odd",   "more",  "or",     "and",  "to",
                  "cavalry", "infantry", "man",    "pound", "ton",   "mile",   "word", "metre",
                  "meter",   "yard",     "acre",   "head",  "other", "others", "page"})) {
      return true;
    }
    if (year.paren_depth > 0 && before.capitalised) return true;  // "(Deutscher 1954)"
  }
  return starts_sentence_as_subject(i, next);
}

bool BlockParser::starts_sentence_as_subject(size_t i, size_t next) const {
  // "1917 was a turning point", "1917, the year of two revolutions".
  const Sentence* s = doc_.sentence_at(tok(i).begin);
  return s && s->span.offset == tok(i).begin && next < size() &&
         (is_punct(next, ',') ||
          (tok(next).kind == TokenKind::Word && is_sentence_verb(word(next))));
}

void BlockParser::record(const Point& start, const Point* end, RangeForm form, bool abbreviated,
                         size_t first, size_t next) {
  DateMention m;
  m.value = start.value;
  finish_value(m.value);
  m.value_span = span_of(start.first, start.next);
  if (start.alternate) {
    DateValue alt = *start.alternate;
    if (alt.year == 0 && m.value.year != 0) {
      alt.year = m.value.year;
      // "1 January 1918 [19 December]": the Julian label is still in the old year.
      if (m.value.month == 1 && alt.month == 12) alt.year = shift_year(alt.year, -1);
      if (m.value.month == 12 && alt.month == 1) alt.year = shift_year(alt.year, 1);
    }
    finish_value(alt);
    m.alternate = alt;
    m.alternate_span = span_of(start.alternate_first, start.alternate_next);
    m.alternate_marked = start.alternate_marked;
  }
  if (start.weekday) {
    m.weekday = start.weekday;
    m.weekday_span = span_of(start.weekday_token, start.weekday_token + 1);
  }
  if (end) {
    DateValue e = end->value;
    finish_value(e);
    m.range_end = e;
    m.end_span = span_of(end->first, end->next);
  }
  m.range_form = form;
  m.end_abbreviated = abbreviated;
  m.span = span_of(first, next);
  m.sentence = sentence_of(first);
  m.block = block_;
  m.in_parentheses = tok(first).paren_depth > 0;
  m.in_quotation = tok(first).in_quotation || block_quoted_;
  m.in_references = block_references_;
  m.in_heading = block_heading_;
  // The word before: lead and approximation.
  size_t prev = first;
  if (prev > 0 && is_punct(prev - 1, '.') && prev >= 2 && tok(prev - 2).kind == TokenKind::Word) {
    prev -= 2;
  } else if (prev > 0) {
    --prev;
  }
  if (prev < first && tok(prev).kind == TokenKind::Word) {
    const std::string_view w = word(prev);
    if (in_list(w, {"in", "on", "at", "during", "of", "throughout"}))
      m.lead = DateLead::In;
    else if (equals_folded(w, "since"))
      m.lead = DateLead::Since;
    else if (in_list(w, {"until", "till", "by", "til"}))
      m.lead = DateLead::Until;
    else if (equals_folded(w, "before"))
      m.lead = DateLead::Before;
    else if (equals_folded(w, "after"))
      m.lead = DateLead::After;
    else if (equals_folded(w, "from") || equals_folded(w, "between"))
      m.lead = DateLead::From;
    else
      m.lead = DateLead::Other;
    m.approximate =
        in_list(w, {"c", "ca", "circa", "about", "around", "approximately", "approx", "roughly"});
  }
  m.sic = (is_punct(next, '[') || is_punct(next, '(')) && is_word(next + 1, "sic");
  if ((m.value.calendar_stated && m.value.calendar == Calendar::Julian) || m.alternate) {
    out_.mentions_old_style = true;
  }
  last_date_next_ = next;
  out_.dates.push_back(std::move(m));
}

size_t BlockParser::try_date(size_t i) {
  const Token& t = tok(i);
  if (t.kind == TokenKind::Word) {
    Calendar cal = Calendar::Gregorian;
    size_t after = 0;
    if (!out_.mentions_old_style && old_style_marker_at(i, after, cal) && cal == Calendar::Julian) {
      out_.mentions_old_style = true;
    }
  } else if (t.kind == TokenKind::Punct) {
    return i;
  }
  const bool from_before = i > 0 && is_word(i - 1, "from");
  const bool between_before = i > 0 && is_word(i - 1, "between");

  // "7–9 May 1940": a day range sharing its month and year.
  if (day_at(i) && is_dash(i + 1) && attached(i + 1) && attached(i + 2) && day_at(i + 2)) {
    Point end;
    if (parse_day_month(i + 2, end)) {
      Point start = end;
      start.value.day = day_at(i);
      start.alternate.reset();
      start.weekday.reset();
      start.first = i;
      start.next = i + 1;
      record(start, &end, RangeForm::Dash, false, i, end.next);
      return end.next;
    }
  }

  // "490–479 BC": the era written once, after the end.
  if (t.kind == TokenKind::Number && t.number_form == NumberForm::Plain && t.digits <= 4 &&
      is_dash(i + 1) && !number_label_before(i)) {
    size_t after = 0;
    bool era = false;
    const auto end_year = year_at(i + 2, after, era, true);
    if (end_year && era && *end_year < 0 && t.value > -*end_year) {
      Point start;
      start.value.year = -t.value;
      start.first = i;
      start.next = i + 1;
      Point end;
      end.value.year = *end_year;
      end.first = i + 2;
      end.next = after;
      record(start, &end, RangeForm::Dash, false, i, after);
      return after;
    }
  }

  auto p = parse_point(i, false);
  if (!p) return i;
  // Part of a figure chain such as a telephone number: "555-1940-1938".
  if (p->bare_year && i >= 2 && is_dash(i - 1) && attached(i) && attached(i - 1) &&
      tok(i - 2).kind == TokenKind::Number) {
    return i;
  }
  size_t k = p->next;

  // A lifespan with places between its ends: "7 November 1879, near Yelizavetgrad – 21 August
  // 1940".
  if (p->value.granularity == DateGranularity::Day && p->value.year != 0 && is_punct(k, ',')) {
    size_t j = k + 1;
    while (j < size() && j < k + 16 &&
           (tok(j).kind == TokenKind::Word || is_punct(j, ',') || is_punct(j, '.'))) {
      if (is_punct(j, '.') &&
          !(j > 0 && tok(j - 1).kind == TokenKind::Word && word(j - 1).size() <= 2)) {
        break;  // only the dots of abbreviations such as "D.F." or "St."
      }
      ++j;
    }
    if (is_dash(j) && tok(j).space_before) {
      auto q = parse_point(j + 1, true);
      if (q && q->value.granularity == DateGranularity::Day && q->value.year != 0) {
        record(*p, &*q, RangeForm::Dash, false, i, q->next);
        return q->next;
      }
    }
  }

  // A range?
  const bool dash = is_dash(k);
  const bool word_sep = (from_before && (is_word(k, "to") || is_word(k, "until") ||
                                         is_word(k, "till") || is_word(k, "through"))) ||
                        (between_before && is_word(k, "and"));
  const bool slash = p->bare_year && is_punct(k, '/') && attached(k) && attached(k + 1);
  if (dash || word_sep || slash) {
    const RangeForm form = dash          ? RangeForm::Dash
                           : slash       ? RangeForm::Slash
                           : from_before ? RangeForm::FromTo
                                         : RangeForm::Between;
    // "1918–20", "1924-27", "1905/6": the end gives the last digits only.
    if (p->bare_year && (dash || slash) && attached(k) && attached(k + 1) && k + 1 < size() &&
        tok(k + 1).kind == TokenKind::Number && tok(k + 1).number_form == NumberForm::Plain &&
        tok(k + 1).digits <= 2 &&
        !(is_dash(k + 2) && attached(k + 2) && k + 3 < size() &&
          tok(k + 3).kind == TokenKind::Number)) {
      if (number_label_before(i)) return i;
      const int start_year = p->value.year;
      const int modulus = tok(k + 1).digits == 1 ? 10 : 100;
      const int end_digits = tok(k + 1).value;
      int end_year = start_year - start_year % modulus + end_digits;
      // "1788-87" ends a year before it starts (a slip the rules report); "1899-01" crosses a
      // century, and "1908-02" may be a year and month.
      const int behind = start_year % modulus - end_digits;
      const bool reversed = modulus == 100 && end_digits > 12 && behind >= 1 && behind <= 20;
      if (end_year < start_year && !reversed) end_year += modulus;
      Point end;
      end.value.year = end_year;
      end.value.granularity = DateGranularity::Year;
      end.first = k + 1;
      end.next = k + 2;
      record(*p, &end, form, true, i, k + 2);
      return k + 2;
    }
    if (!slash) {
      auto q = parse_point(k + 1, true);
      if (q && !q->bare_month && (q->value.year != 0 || p->value.year != 0)) {
        // A bare-year range must not be a figure chain or a page range.
        const bool chain = q->bare_year && is_dash(q->next) && attached(q->next) &&
                           q->next + 1 < size() && tok(q->next + 1).kind == TokenKind::Number;
        if (!chain && !number_label_before(i)) {
          Point start = *p;
          Point end = *q;
          if (start.value.year == 0) {
            start.value.year = end.value.year;
            const bool start_later =
                start.value.month > end.value.month ||
                (start.value.month == end.value.month && start.value.day > end.value.day);
            if (start_later && end.value.month != 0) {
              start.value.year = shift_year(start.value.year, -1);
            }
            if (start.bare_month) start.value.granularity = DateGranularity::Month;
          } else if (end.value.year == 0) {
            end.value.year = start.value.year;
          }
          if (!start.bare_month || start.value.year != 0) {
            record(start, &end, form, false, i, q->next);
            return q->next;
          }
        }
      }
    }
  }
  if (p->bare_month) return i;
  if (p->value.year == 0 && p->value.granularity != DateGranularity::Day) return i;
  if (p->bare_year && !bare_year_in_date_context(i, p->next)) return i;
  record(*p, nullptr, RangeForm::None, false, i, p->next);
  return p->next;
}

}  // namespace date_parse

void normalise_date(DateValue& v) {
  if (!v.calendar_stated && v.year != 0) {
    // Unmarked dates before the Gregorian reform are Julian by convention.
    const bool before_reform =
        v.year < 1582 || (v.year == 1582 && (v.month < 10 || (v.month == 10 && v.day < 15)));
    v.calendar = before_reform ? Calendar::Julian : Calendar::Gregorian;
  }
  if (v.year == 0) {
    v.first = v.last = 0;
    // Without a year only a day that no month length allows is impossible (29 February is not).
    static constexpr int kMaxDays[12] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    v.exists = v.day == 0 || (v.month >= 1 && v.day <= kMaxDays[v.month - 1]);
    return;
  }
  switch (v.granularity) {
    case DateGranularity::Day:
      v.exists = calendar::is_valid_date(v.year, v.month, v.day, v.calendar);
      if (v.exists) {
        v.first = v.last = day_number_unchecked(v.year, v.month, v.day, v.calendar);
      } else {
        set_months(v, v.year, v.month, v.year, v.month);
      }
      break;
    case DateGranularity::Month:
      set_months(v, v.year, v.month, v.year, v.month);
      break;
    case DateGranularity::Year:
      date_parse::set_part_interval(v, v.year, 1);
      break;
    case DateGranularity::Season:
      date_parse::set_part_interval(v, v.year, 1);
      break;
    case DateGranularity::Decade:
      date_parse::set_part_interval(v, v.year, 10);
      break;
    case DateGranularity::Century:
      date_parse::set_part_interval(v, v.year, 100);
      break;
  }
}

}  // namespace histlint
