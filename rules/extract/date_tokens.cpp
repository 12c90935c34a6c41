#include "rules/extract/date_tokens.h"

#include <array>
#include <unordered_map>

#include "rules/text/lexicon.h"
#include "rules/text/utf8.h"

namespace histlint::date_parse {

namespace {

constexpr char32_t kLeftDouble = 0x201C;
constexpr char32_t kRightDouble = 0x201D;
constexpr char32_t kLeftSingle = 0x2018;
constexpr char32_t kRightSingle = 0x2019;

char ascii_lower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

bool is_ascii_letter(unsigned char c) {
  return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
}

// Letters after digits that make an ordinal ("24th") or a plural year ("1930s").
size_t number_suffix(std::string_view s, size_t pos, size_t end, NumberForm& form) {
  auto letter_at = [&](size_t p) { return p < end && is_ascii_letter(s[p]); };
  auto word_ends = [&](size_t p) {
    if (p >= end) return true;
    size_t len = 0;
    return !utf8::is_letter(utf8::decode(s, p, len)) && !utf8::is_digit(s[p]);
  };
  if (letter_at(pos) && letter_at(pos + 1) && word_ends(pos + 2)) {
    const char a = ascii_lower(s[pos]);
    const char b = ascii_lower(s[pos + 1]);
    if ((a == 's' && b == 't') || (a == 'n' && b == 'd') || (a == 'r' && b == 'd') ||
        (a == 't' && b == 'h')) {
      form = NumberForm::Ordinal;
      return 2;
    }
  }
  // French "1er" (premier), the only ordinal day French writes with a suffix.
  if (pos >= 1 && s[pos - 1] == '1' && (pos < 2 || !utf8::is_digit(s[pos - 2])) &&
      letter_at(pos + 1) && ascii_lower(s[pos]) == 'e' && ascii_lower(s[pos + 1]) == 'r' &&
      word_ends(pos + 2)) {
    form = NumberForm::Ordinal;
    return 2;
  }
  if (letter_at(pos) && ascii_lower(s[pos]) == 's' && word_ends(pos + 1)) {
    form = NumberForm::Plural;
    return 1;
  }
  // "1930's" and "1930’s"
  size_t len = 0;
  if (pos < end) {
    const char32_t c = utf8::decode(s, pos, len);
    if ((c == '\'' || c == kRightSingle) && letter_at(pos + len) &&
        ascii_lower(s[pos + len]) == 's' && word_ends(pos + len + 1)) {
      form = NumberForm::Plural;
      return len + 1;
    }
  }
  return 0;
}

// Updates the quotation state for a quotation mark at `pos`; returns true when `c` is one.
// Straight double quotes toggle; curly ones open and close. A right single quote closes only an
// open single quotation and only when no letter follows, since it is far more often an
// apostrophe.
bool see_quote(ScanState& state, char32_t c, std::string_view s, size_t pos, size_t len, size_t end,
               bool space_before) {
  switch (c) {
    case kLeftDouble:
      state.double_quote_open = true;
      return true;
    case kRightDouble:
      state.double_quote_open = false;
      return true;
    case '"':
      state.double_quote_open = !state.double_quote_open;
      return true;
    case kLeftSingle:
      if (space_before) state.single_quote_open = true;
      return true;
    case kRightSingle:
    case '\'': {
      if (!state.single_quote_open) return false;
      size_t next_len = 0;
      const bool letter_follows =
          pos + len < end && utf8::is_letter(utf8::decode(s, pos + len, next_len));
      if (!letter_follows) state.single_quote_open = false;
      return !letter_follows;
    }
    default:
      return false;
  }
}

struct Named {
  std::string_view name;
  int value;
};

constexpr std::array<Named, 30> kMonths = {{
    {"january", 1},   {"february", 2},  {"march", 3},  {"april", 4},     {"may", 5},
    {"june", 6},      {"july", 7},      {"august", 8}, {"september", 9}, {"october", 10},
    {"november", 11}, {"december", 12}, {"jan", 1},    {"feb", 2},       {"mar", 3},
    {"apr", 4},       {"jun", 6},       {"jul", 7},    {"aug", 8},       {"sep", 9},
    {"sept", 9},      {"oct", 10},      {"nov", 11},   {"dec", 12},      {"febr", 2},
    {"janv", 1},      {"augt", 8},      {"octr", 10},  {"novr", 11},     {"decr", 12},
}};

constexpr std::array<Named, 17> kWeekdays = {{
    {"monday", 0},
    {"tuesday", 1},
    {"wednesday", 2},
    {"thursday", 3},
    {"friday", 4},
    {"saturday", 5},
    {"sunday", 6},
    {"mon", 0},
    {"tue", 1},
    {"tues", 1},
    {"wed", 2},
    {"thu", 3},
    {"thur", 3},
    {"thurs", 3},
    {"fri", 4},
    {"sat", 5},
    {"sun", 6},
}};

// Month and weekday names of the other languages historians quote dates in, lower case (UTF-8),
// with the common unaccented spellings. Russian months are in the genitive a date uses
// ("21 августа"). Names spelled as in English ("August", "November") stay English entries.
struct ForeignName {
  std::string_view name;
  int8_t value;
  Language language;
  bool abbreviation = false;
};

constexpr ForeignName kForeignMonths[] = {
    {"janvier", 1, Language::French},      {"février", 2, Language::French},
    {"fevrier", 2, Language::French},      {"mars", 3, Language::French},
    {"avril", 4, Language::French},        {"mai", 5, Language::French},
    {"juin", 6, Language::French},         {"juillet", 7, Language::French},
    {"août", 8, Language::French},         {"aout", 8, Language::French},
    {"septembre", 9, Language::French},    {"octobre", 10, Language::French},
    {"novembre", 11, Language::French},    {"décembre", 12, Language::French},
    {"decembre", 12, Language::French},    {"janv", 1, Language::French, true},
    {"févr", 2, Language::French, true},   {"avr", 4, Language::French, true},
    {"juil", 7, Language::French, true},   {"déc", 12, Language::French, true},
    {"januar", 1, Language::German},       {"jänner", 1, Language::German},
    {"februar", 2, Language::German},      {"märz", 3, Language::German},
    {"maerz", 3, Language::German},        {"juni", 6, Language::German},
    {"juli", 7, Language::German},         {"oktober", 10, Language::German},
    {"dezember", 12, Language::German},    {"okt", 10, Language::German, true},
    {"dez", 12, Language::German, true},   {"enero", 1, Language::Spanish},
    {"febrero", 2, Language::Spanish},     {"marzo", 3, Language::Spanish},
    {"abril", 4, Language::Spanish},       {"mayo", 5, Language::Spanish},
    {"junio", 6, Language::Spanish},       {"julio", 7, Language::Spanish},
    {"agosto", 8, Language::Spanish},      {"septiembre", 9, Language::Spanish},
    {"setiembre", 9, Language::Spanish},   {"octubre", 10, Language::Spanish},
    {"noviembre", 11, Language::Spanish},  {"diciembre", 12, Language::Spanish},
    {"gennaio", 1, Language::Italian},     {"febbraio", 2, Language::Italian},
    {"aprile", 4, Language::Italian},      {"maggio", 5, Language::Italian},
    {"giugno", 6, Language::Italian},      {"luglio", 7, Language::Italian},
    {"settembre", 9, Language::Italian},   {"ottobre", 10, Language::Italian},
    {"dicembre", 12, Language::Italian},   {"января", 1, Language::Russian},
    {"февраля", 2, Language::Russian},     {"марта", 3, Language::Russian},
    {"апреля", 4, Language::Russian},      {"мая", 5, Language::Russian},
    {"июня", 6, Language::Russian},        {"июля", 7, Language::Russian},
    {"августа", 8, Language::Russian},     {"сентября", 9, Language::Russian},
    {"октября", 10, Language::Russian},    {"ноября", 11, Language::Russian},
    {"декабря", 12, Language::Russian},    {"янв", 1, Language::Russian, true},
    {"февр", 2, Language::Russian, true},  {"авг", 8, Language::Russian, true},
    {"сент", 9, Language::Russian, true},  {"окт", 10, Language::Russian, true},
    {"нояб", 11, Language::Russian, true}, {"дек", 12, Language::Russian, true},
};

// Weekdays, Monday 0; Russian also in the accusative a date uses ("в пятницу").
constexpr ForeignName kForeignWeekdays[] = {
    {"lundi", 0, Language::French},        {"mardi", 1, Language::French},
    {"mercredi", 2, Language::French},     {"jeudi", 3, Language::French},
    {"vendredi", 4, Language::French},     {"samedi", 5, Language::French},
    {"dimanche", 6, Language::French},     {"montag", 0, Language::German},
    {"dienstag", 1, Language::German},     {"mittwoch", 2, Language::German},
    {"donnerstag", 3, Language::German},   {"freitag", 4, Language::German},
    {"samstag", 5, Language::German},      {"sonnabend", 5, Language::German},
    {"sonntag", 6, Language::German},      {"lunes", 0, Language::Spanish},
    {"martes", 1, Language::Spanish},      {"miércoles", 2, Language::Spanish},
    {"miercoles", 2, Language::Spanish},   {"jueves", 3, Language::Spanish},
    {"viernes", 4, Language::Spanish},     {"sábado", 5, Language::Spanish},
    {"sabado", 5, Language::Spanish},      {"domingo", 6, Language::Spanish},
    {"lunedì", 0, Language::Italian},      {"lunedi", 0, Language::Italian},
    {"martedì", 1, Language::Italian},     {"martedi", 1, Language::Italian},
    {"mercoledì", 2, Language::Italian},   {"mercoledi", 2, Language::Italian},
    {"giovedì", 3, Language::Italian},     {"giovedi", 3, Language::Italian},
    {"venerdì", 4, Language::Italian},     {"venerdi", 4, Language::Italian},
    {"sabato", 5, Language::Italian},      {"domenica", 6, Language::Italian},
    {"понедельник", 0, Language::Russian}, {"вторник", 1, Language::Russian},
    {"среда", 2, Language::Russian},       {"среду", 2, Language::Russian},
    {"четверг", 3, Language::Russian},     {"пятница", 4, Language::Russian},
    {"пятницу", 4, Language::Russian},     {"суббота", 5, Language::Russian},
    {"субботу", 5, Language::Russian},     {"воскресенье", 6, Language::Russian},
};

constexpr std::array<Named, 29> kCardinals = {{
    {"one", 1},      {"two", 2},        {"three", 3},     {"four", 4},      {"five", 5},
    {"six", 6},      {"seven", 7},      {"eight", 8},     {"nine", 9},      {"ten", 10},
    {"eleven", 11},  {"twelve", 12},    {"thirteen", 13}, {"fourteen", 14}, {"fifteen", 15},
    {"sixteen", 16}, {"seventeen", 17}, {"eighteen", 18}, {"nineteen", 19}, {"twenty", 20},
    {"thirty", 30},  {"forty", 40},     {"fifty", 50},    {"sixty", 60},    {"seventy", 70},
    {"eighty", 80},  {"ninety", 90},    {"hundred", 100}, {"fourty", 40},
}};

constexpr std::array<Named, 28> kOrdinals = {{
    {"first", 1},        {"second", 2},      {"third", 3},       {"fourth", 4},
    {"fifth", 5},        {"sixth", 6},       {"seventh", 7},     {"eighth", 8},
    {"ninth", 9},        {"tenth", 10},      {"eleventh", 11},   {"twelfth", 12},
    {"thirteenth", 13},  {"fourteenth", 14}, {"fifteenth", 15},  {"sixteenth", 16},
    {"seventeenth", 17}, {"eighteenth", 18}, {"nineteenth", 19}, {"twentieth", 20},
    {"thirtieth", 30},   {"fortieth", 40},   {"fiftieth", 50},   {"sixtieth", 60},
    {"seventieth", 70},  {"eightieth", 80},  {"ninetieth", 90},  {"hundredth", 100},
}};

constexpr std::array<Named, 15> kAnniversaryNouns = {{
    {"centenary", 100},
    {"centennial", 100},
    {"bicentenary", 200},
    {"bicentennial", 200},
    {"tercentenary", 300},
    {"tercentennial", 300},
    {"tricentennial", 300},
    {"sesquicentenary", 150},
    {"sesquicentennial", 150},
    {"semicentennial", 50},
    {"quatercentenary", 400},
    {"quadricentennial", 400},
    {"quincentenary", 500},
    {"quincentennial", 500},
    {"semicentenary", 50},
}};

constexpr std::array<Named, 17> kUnits = {{
    {"day", static_cast<int>(UnitWord::Day)},
    {"days", static_cast<int>(UnitWord::Day)},
    {"week", static_cast<int>(UnitWord::Week)},
    {"weeks", static_cast<int>(UnitWord::Week)},
    {"fortnight", static_cast<int>(UnitWord::Fortnight)},
    {"fortnights", static_cast<int>(UnitWord::Fortnight)},
    {"month", static_cast<int>(UnitWord::Month)},
    {"months", static_cast<int>(UnitWord::Month)},
    {"year", static_cast<int>(UnitWord::Year)},
    {"years", static_cast<int>(UnitWord::Year)},
    {"yr", static_cast<int>(UnitWord::Year)},
    {"yrs", static_cast<int>(UnitWord::Year)},
    {"decade", static_cast<int>(UnitWord::Decade)},
    {"decades", static_cast<int>(UnitWord::Decade)},
    {"century", static_cast<int>(UnitWord::Century)},
    {"centuries", static_cast<int>(UnitWord::Century)},
    {"twelvemonth", static_cast<int>(UnitWord::Year)},
}};

// Words that can open a date or a relative expression besides the numbers, months, weekdays,
// number words and anniversary nouns above.
constexpr std::string_view kStarters[] = {
    "at", "aged", "age", "a", "an", "half", "the", "this", "next", "following", "previous",
    "preceding", "for", "spent", "lasted", "lasting", "within", "after", "less", "fewer", "no",
    "not", "up", "more", "upwards", "well", "just", "close", "under", "over", "almost", "nearly",
    "barely", "about", "around", "some", "roughly", "approximately", "approx", "circa", "perhaps",
    "maybe", "early", "mid", "middle", "late", "end", "beginning", "start", "spring", "summer",
    "autumn", "fall", "winter", "ad", "o", "os", "old", "julian", "from", "between", "one", "when",
    // Expressions dated by the time of writing (date_deictic.cpp).
    "yesterday", "today", "tomorrow", "now", "currently", "current", "recently", "recent", "last",
    "past", "coming", "that", "same", "fiscal", "quarter", "year", "in", "earlier", "later",
    "latest"};

}  // namespace

bool equals_folded(std::string_view word, std::string_view lower) {
  if (word.size() != lower.size()) return false;
  for (size_t i = 0; i < word.size(); ++i) {
    if (ascii_lower(word[i]) != lower[i]) return false;
  }
  return true;
}

bool equals_any_folded(std::string_view word, std::initializer_list<std::string_view> lowers) {
  for (std::string_view lower : lowers) {
    if (equals_folded(word, lower)) return true;
  }
  return false;
}

void tokenize(std::string_view s, size_t begin, size_t end, ScanState& state,
              std::vector<Token>& out) {
  out.clear();
  uint8_t& depth = state.paren_depth;
  bool space_before = true;
  size_t pos = begin;
  while (pos < end) {
    size_t len = 0;
    const char32_t c = utf8::decode(s, pos, len);
    if (utf8::is_space(c)) {
      space_before = true;
      pos += len;
      continue;
    }
    Token t;
    t.paren_depth = depth;
    t.begin = static_cast<uint32_t>(pos);
    t.space_before = space_before;
    space_before = false;
    if (utf8::is_digit(c)) {
      t.kind = TokenKind::Number;
      int64_t value = 0;
      size_t p = pos;
      while (p < end && utf8::is_digit(s[p])) {
        if (value < 999'999'999) value = value * 10 + (s[p] - '0');
        ++p;
      }
      t.digits = static_cast<uint8_t>(p - pos > 255 ? 255 : p - pos);
      t.value = static_cast<int32_t>(value > 999'999'999 ? 999'999'999 : value);
      // "1,000" and "3.5" are figures, never dates; swallow the whole figure.
      bool glued = false;
      while (p + 1 < end && (s[p] == ',' || s[p] == '.') && utf8::is_digit(s[p + 1])) {
        glued = true;
        ++p;
        while (p < end && utf8::is_digit(s[p])) ++p;
      }
      if (!glued) p += number_suffix(s, p, end, t.number_form);
      // Digits stuck to letters before or after ("5trotsky", "Trot75") are not numbers of prose.
      size_t before_len = 0;
      const bool letter_before =
          pos > begin && utf8::is_letter(utf8::decode_before(s, pos, before_len));
      size_t after_len = 0;
      const bool letter_after = p < end && utf8::is_letter(utf8::decode(s, p, after_len));
      if (glued || letter_before || letter_after) t.number_form = NumberForm::Glued;
      while (p < end && utf8::is_letter(utf8::decode(s, p, after_len))) p += after_len;
      t.end = static_cast<uint32_t>(p);
      t.in_quotation = state.inside_quotation();
      out.push_back(t);
      pos = p;
      continue;
    }
    if (utf8::is_letter(c)) {
      t.kind = TokenKind::Word;
      t.capitalised = utf8::is_upper(c);
      size_t p = pos + len;
      while (p < end) {
        size_t l = 0;
        const char32_t d = utf8::decode(s, p, l);
        if (!utf8::is_letter(d)) break;
        p += l;
      }
      t.lex = lookup_word(s.substr(pos, p - pos));
      // Letters followed by digits ("Trot75") keep the digits in the word.
      if (p < end && utf8::is_digit(s[p])) t.lex = Lexeme{};
      while (p < end && utf8::is_digit(s[p])) ++p;
      t.end = static_cast<uint32_t>(p);
      t.in_quotation = state.inside_quotation();
      out.push_back(t);
      pos = p;
      continue;
    }
    t.kind = TokenKind::Punct;
    t.punct = c;
    if (c == ')' || c == ']') {
      if (depth > 0) --depth;
      t.paren_depth = depth;
    } else if (c == '(' || c == '[') {
      t.paren_depth = depth;
      if (depth < 255) ++depth;
    }
    t.end = static_cast<uint32_t>(pos + len);
    const bool was_inside = state.inside_quotation();
    if (see_quote(state, c, s, pos, len, end, t.space_before)) {
      t.in_quotation = was_inside && state.inside_quotation();
    } else {
      t.in_quotation = state.inside_quotation();
    }
    out.push_back(t);
    pos += len;
  }
}

Lexeme lookup_word(std::string_view word) {
  static const auto* table = [] {
    auto* t = new std::unordered_map<std::string_view, Lexeme>();
    for (const Named& m : kMonths) {
      Lexeme& e = (*t)[m.name];
      e.month = static_cast<int8_t>(m.value);
      e.month_abbreviation =
          m.name.size() <= 4 && m.name != "may" && m.name != "june" && m.name != "july";
    }
    for (const Named& w : kWeekdays) (*t)[w.name].weekday = static_cast<int8_t>(w.value);
    for (const ForeignName& m : kForeignMonths) {
      Lexeme& e = (*t)[m.name];
      e.month = m.value;
      e.month_abbreviation = m.abbreviation;
      e.language = m.language;
    }
    for (const ForeignName& w : kForeignWeekdays) {
      Lexeme& e = (*t)[w.name];
      e.weekday = w.value;
      e.language = w.language;
    }
    for (const Named& c : kCardinals) (*t)[c.name].cardinal = static_cast<int16_t>(c.value);
    for (const Named& o : kOrdinals) (*t)[o.name].ordinal = static_cast<int16_t>(o.value);
    for (const Named& a : kAnniversaryNouns) {
      (*t)[a.name].anniversary = static_cast<int16_t>(a.value);
    }
    for (const Named& u : kUnits) (*t)[u.name].unit = static_cast<UnitWord>(u.value);
    for (auto& [name, entry] : *t) entry.may_start = entry.unit == UnitWord::None;
    for (std::string_view w : kStarters) (*t)[w].may_start = true;
    return t;
  }();
  // The longest entry, "воскресенье", is 22 bytes.
  if (word.empty() || word.size() > 24) return {};
  char lower[24];
  for (size_t i = 0; i < word.size(); ++i) {
    const char c = word[i];
    if (static_cast<unsigned char>(c) >= 0x80) {
      const auto it = table->find(to_lower(word));
      return it == table->end() ? Lexeme{} : it->second;
    }
    lower[i] = ascii_lower(c);
  }
  const auto it = table->find(std::string_view(lower, word.size()));
  return it == table->end() ? Lexeme{} : it->second;
}

}  // namespace histlint::date_parse
