#include "rules/kb/name_fold.h"

#include <unordered_set>

#include "rules/text/utf8.h"

namespace histlint {

namespace {

struct FoldRange {
  char32_t first;
  char32_t last;
  const char* ascii;
};

// Latin letters with diacritics and their base letters. Latin-1 and Latin Extended-A come in
// runs of one base letter; Vietnamese (Latin Extended Additional) likewise.
constexpr FoldRange kLatinFolds[] = {
    {0xC0, 0xC5, "a"},     {0xC6, 0xC6, "ae"},    {0xC7, 0xC7, "c"},     {0xC8, 0xCB, "e"},
    {0xCC, 0xCF, "i"},     {0xD0, 0xD0, "d"},     {0xD1, 0xD1, "n"},     {0xD2, 0xD6, "o"},
    {0xD8, 0xD8, "o"},     {0xD9, 0xDC, "u"},     {0xDD, 0xDD, "y"},     {0xDE, 0xDE, "th"},
    {0xDF, 0xDF, "ss"},    {0xE0, 0xE5, "a"},     {0xE6, 0xE6, "ae"},    {0xE7, 0xE7, "c"},
    {0xE8, 0xEB, "e"},     {0xEC, 0xEF, "i"},     {0xF0, 0xF0, "d"},     {0xF1, 0xF1, "n"},
    {0xF2, 0xF6, "o"},     {0xF8, 0xF8, "o"},     {0xF9, 0xFC, "u"},     {0xFD, 0xFD, "y"},
    {0xFE, 0xFE, "th"},    {0xFF, 0xFF, "y"},     {0x100, 0x105, "a"},   {0x106, 0x10D, "c"},
    {0x10E, 0x111, "d"},   {0x112, 0x11B, "e"},   {0x11C, 0x123, "g"},   {0x124, 0x127, "h"},
    {0x128, 0x131, "i"},   {0x132, 0x133, "ij"},  {0x134, 0x135, "j"},   {0x136, 0x138, "k"},
    {0x139, 0x142, "l"},   {0x143, 0x14B, "n"},   {0x14C, 0x151, "o"},   {0x152, 0x153, "oe"},
    {0x154, 0x159, "r"},   {0x15A, 0x161, "s"},   {0x162, 0x167, "t"},   {0x168, 0x173, "u"},
    {0x174, 0x175, "w"},   {0x176, 0x178, "y"},   {0x179, 0x17E, "z"},   {0x17F, 0x17F, "s"},
    {0x1A0, 0x1A1, "o"},   {0x1AF, 0x1B0, "u"},   {0x1CD, 0x1CE, "a"},   {0x1CF, 0x1D0, "i"},
    {0x1D1, 0x1D2, "o"},   {0x1D3, 0x1DC, "u"},   {0x218, 0x219, "s"},   {0x21A, 0x21B, "t"},
    {0x1E0C, 0x1E0D, "d"}, {0x1E24, 0x1E25, "h"}, {0x1E37, 0x1E37, "l"}, {0x1E43, 0x1E47, "n"},
    {0x1E5B, 0x1E5B, "r"}, {0x1E63, 0x1E63, "s"}, {0x1E6D, 0x1E6D, "t"}, {0x1EA0, 0x1EB7, "a"},
    {0x1EB8, 0x1EC7, "e"}, {0x1EC8, 0x1ECB, "i"}, {0x1ECC, 0x1EE3, "o"}, {0x1EE4, 0x1EF1, "u"},
    {0x1EF2, 0x1EF9, "y"},
};

const char* latin_fold(char32_t c) {
  if (c < 0xC0 || c > 0x1EF9) return nullptr;
  for (const auto& range : kLatinFolds) {
    if (c >= range.first && c <= range.last) return range.ascii;
  }
  return nullptr;
}

bool is_apostrophe(char32_t c) {
  return c == '\'' || c == 0x2019 || c == 0x02BC;
}
bool is_hyphen(char32_t c) {
  return c == '-' || c == 0x2010 || c == 0x2011;
}
bool is_combining_mark(char32_t c) {
  return c >= 0x300 && c <= 0x36F;
}

bool is_caseless_script(char32_t c) {
  return (c >= 0x5D0 && c <= 0x5EA) || (c >= 0x600 && c <= 0x6FF) || (c >= 0x900 && c <= 0xDFF) ||
         (c >= 0x3040 && c <= 0x30FF) || (c >= 0x4E00 && c <= 0x9FFF) ||
         (c >= 0xAC00 && c <= 0xD7A3);
}

}  // namespace

bool is_name_particle(std::string_view folded) {
  static const std::unordered_set<std::string_view> kParticles = {
      "de",  "da",  "di",  "du",  "del", "della", "des", "van", "von", "der", "den", "la", "le",
      "ten", "ter", "bin", "ibn", "al",  "el",    "y",   "zu",  "dos", "das", "do",  "of", "the"};
  return kParticles.count(folded) > 0;
}

bool is_name_title(std::string_view folded) {
  static const std::unordered_set<std::string_view> kTitles = {
      "tsar",      "czar",       "tsarina",    "tsaritsa",  "emperor",       "empress",
      "kaiser",    "king",       "queen",      "prince",    "princess",      "president",
      "premier",   "chancellor", "chairman",   "general",   "generalissimo", "generalisimo",
      "marshal",   "admiral",    "colonel",    "captain",   "lieutenant",    "commander",
      "comrade",   "sir",        "lord",       "lady",      "dame",          "dr",
      "mr",        "mrs",        "ms",         "miss",      "madame",        "mme",
      "monsieur",  "herr",       "frau",       "senor",     "senora",        "senator",
      "governor",  "secretary",  "minister",   "pope",      "saint",         "st",
      "father",    "reverend",   "rev",        "professor", "prof",          "mahatma",
      "chief",     "justice",    "judge",      "sultan",    "shah",          "emir",
      "ayatollah", "imam",       "rabbi",      "cardinal",  "archbishop",    "bishop",
      "duke",      "duchess",    "earl",       "count",     "countess",      "baron",
      "baroness",  "marquis",    "comandante", "field",     "prime",         "vice",
      "deputy",    "foreign",    "home",       "leader",    "mayor",         "ambassador",
      "commissar", "citizen",    "brother",    "sister",    "uncle",         "mother",
      "archduke",  "grand",      "crown",      "führer",    "fuhrer",        "duce",
      "caudillo",  "grandmaster"};
  return kTitles.count(folded) > 0;
}

int title_sex(std::string_view folded) {
  static const std::unordered_set<std::string_view> kMale = {
      "tsar", "czar",  "emperor",  "kaiser",  "king",  "prince",  "sir",
      "lord", "mr",    "monsieur", "herr",    "senor", "father",  "duke",
      "earl", "count", "baron",    "brother", "uncle", "archduke"};
  static const std::unordered_set<std::string_view> kFemale = {
      "tsarina", "tsaritsa", "empress",  "queen",  "princess", "lady", "dame",
      "mrs",     "ms",       "miss",     "madame", "mme",      "frau", "senora",
      "duchess", "countess", "baroness", "sister", "mother"};
  if (kMale.count(folded)) return 1;
  if (kFemale.count(folded)) return -1;
  return 0;
}

bool is_name_letter(char32_t c) {
  return utf8::is_letter(c) || is_caseless_script(c) || is_combining_mark(c);
}

void append_folded(std::string& out, std::string_view word) {
  size_t pos = 0;
  while (pos < word.size()) {
    size_t length = 0;
    const char32_t c = utf8::decode(word, pos, length);
    pos += length;
    if (c < 0x80) {
      out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : static_cast<char>(c);
    } else if (const char* ascii = latin_fold(c)) {
      out += ascii;
    } else if (is_combining_mark(c)) {
      // Decomposed accents fold away like precomposed ones.
    } else if (is_apostrophe(c)) {
      out += '\'';
    } else if (is_hyphen(c)) {
      out += '-';
    } else if (c == 0x401 || c == 0x451) {  // Ё ё are often written Е е
      utf8::append(out, 0x435);
    } else if (c >= 0x410 && c <= 0x42F) {
      utf8::append(out, c + 0x20);
    } else if (c >= 0x400 && c <= 0x40F) {
      utf8::append(out, c + 0x50);
    } else if (c >= 0x391 && c <= 0x3A9) {
      utf8::append(out, c + 0x20);
    } else {
      utf8::append(out, c);
    }
  }
}

std::string fold_name(std::string_view text) {
  std::string out;
  for (const NameWord& word : split_name_words(text)) {
    if (!out.empty()) out += ' ';
    append_folded(out, text.substr(word.offset, word.length));
  }
  return out;
}

bool next_name_word(std::string_view text, size_t pos, NameWord& word, size_t& next) {
  size_t length = 0;
  // Skip to the first letter.
  while (pos < text.size()) {
    const char32_t c = utf8::decode(text, pos, length);
    if (is_name_letter(c) && !is_combining_mark(c)) break;
    pos += length;
  }
  if (pos >= text.size()) return false;
  word = NameWord{};
  word.offset = pos;
  const char32_t first = utf8::decode(text, pos, length);
  word.capitalised = utf8::is_upper(first) || is_caseless_script(first);
  size_t end = pos;
  while (end < text.size()) {
    const char32_t c = utf8::decode(text, end, length);
    if (is_name_letter(c)) {
      end += length;
      continue;
    }
    if (is_apostrophe(c) || is_hyphen(c)) {
      size_t after_length = 0;
      if (end + length < text.size() &&
          is_name_letter(utf8::decode(text, end + length, after_length))) {
        // "’s" at the end of the word is a possessive, not part of the name.
        const size_t after = end + length;
        if (is_apostrophe(c) && (text[after] == 's' || text[after] == 'S')) {
          size_t following_length = 0;
          const bool word_goes_on = after + 1 < text.size() &&
                                    is_name_letter(utf8::decode(text, after + 1, following_length));
          if (!word_goes_on) {
            word.possessive = true;
            next = after + 1;
            word.length = end - pos;
            return true;
          }
        }
        end = after + after_length;
        continue;
      }
    }
    break;
  }
  word.length = end - pos;
  next = end;
  return true;
}

std::vector<NameWord> split_name_words(std::string_view text) {
  std::vector<NameWord> words;
  NameWord word;
  size_t pos = 0;
  while (next_name_word(text, pos, word, pos)) words.push_back(word);
  return words;
}

}  // namespace histlint
