// garble/ocr-noise: scanner misreadings ("tbe", "tlie", "rnay", "wor1d", "shaU"), words split
// by line-end hyphenation ("revo- lution") and junk tokens ("w|th", "tkrndl").
//
// A word is suspect only when no dictionary knows it, past or present: early-modern spellings
// ("hee", "bloud", "vpon") are words. Names, acronyms, foreign words (non-ASCII letters, or a
// sentence in another language) and roman numerals are left alone unless the characters
// themselves are wrong (a digit or a stray mark inside, capitals inside). A word is reported with
// a repair when undoing one or two classic OCR confusions gives a dictionary word; an unknown word
// with no such repair only beside other noise, since one odd word is more often a rare word or a
// name than a scanning error.
#include "rules/garble/ocr_noise.h"

#include <algorithm>
#include <initializer_list>
#include <memory>
#include <mutex>
#include <optional>
#include <shared_mutex>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "rules/garble/historical_spelling.h"
#include "rules/garble/rules.h"
#include "rules/garble/signals.h"
#include "rules/text/utf8.h"

namespace histlint::garble {

namespace {

// What a scanner printed and what the page had, most frequent first.
struct Confusion {
  std::string_view seen;
  std::string_view meant;
};

constexpr Confusion kConfusions[] = {
    {"rn", "m"}, {"li", "h"}, {"b", "h"},        {"c", "e"},        {"ii", "n"}, {"ii", "u"},
    {"ii", "h"}, {"in", "m"}, {"ni", "m"},       {"iu", "m"},       {"cl", "d"}, {"vv", "w"},
    {"ri", "n"}, {"u", "n"},  {"n", "u"},        {"e", "c"},        {"h", "b"},  {"m", "rn"},
    {"f", "s"},  {"1", "l"},  {"1", "i"},        {"0", "o"},        {"5", "s"},  {"I", "l"},
    {"|", "l"},  {"|", "i"},  {"\xC2\xA6", "l"}, {"\xC2\xA1", "i"}, {"U", "ll"}, {"d", "il"},
    {"o", "e"},  {"H", "ll"}, {"o", "c"},        {"a", "s"},        {"i", "l"}};

constexpr size_t kMaxRepairLength = 20;    // longer tokens are junk or glued words, not misreadings
constexpr size_t kMaxRepairLookups = 600;  // dictionary lookups per token, whatever its letters

// Words short enough that a misreading of them is common and a capital start is safe to judge.
bool is_common_word(std::string_view w) {
  static constexpr std::string_view kWords[] = {
      "the",    "and",   "that",  "which", "with",  "this",  "have",  "from",  "when",  "were",
      "they",   "their", "them",  "there", "then",  "than",  "been",  "would", "could", "should",
      "about",  "other", "more",  "some",  "such",  "only",  "into",  "time",  "made",  "after",
      "before", "upon",  "what",  "these", "those", "will",  "shall", "must",  "many",  "most",
      "much",   "very",  "also",  "here",  "where", "while", "his",   "her",   "him",   "she",
      "was",    "had",   "has",   "not",   "but",   "for",   "are",   "all",   "one",   "our",
      "out",    "may",   "can",   "its",   "who",   "how",   "now",   "any",   "each",  "both",
      "same",   "said",  "being", "under", "over",  "first", "great", "men",   "man",   "him",
      "of",     "to",    "in",    "on",    "or",    "it",    "is",    "if",    "at",    "as",
      "an",     "be",    "by",    "he",    "we",    "no",    "so",    "do",    "my",    "up"};
  return std::find(std::begin(kWords), std::end(kWords), w) != std::end(kWords);
}

bool is_one_of(std::string_view w, std::initializer_list<std::string_view> list) {
  return std::find(list.begin(), list.end(), w) != list.end();
}

// Function words of German, French, Spanish, Italian and Latin that English lacks: two in one
// sentence mark a quotation in another language, whose words no English dictionary knows.
bool is_foreign_function_word(std::string_view w) {
  static constexpr std::string_view kWords[] = {
      "und",   "der",  "das",  "ist",   "nicht", "ich",   "sie",   "wir",   "ein",   "eine", "mit",
      "auf",   "sich", "dem",  "den",   "des",   "les",   "une",   "est",   "dans",  "pour", "qui",
      "que",   "nous", "vous", "avec",  "sur",   "pas",   "sont",  "aux",   "los",   "las",  "del",
      "por",   "con",  "una",  "el",    "es",    "della", "che",   "il",    "gli",   "sono", "et",
      "cum",   "sunt", "non",  "ad",    "ab",    "ex",    "nel",   "y",     "da",    "zu",   "im",
      "le",    "la",   "du",   "au",    "ce",    "ne",    "je",    "mais",  "oder",  "aber", "wie",
      "quod",  "quae", "quid", "quis",  "nec",   "nisi",  "sed",   "atque", "enim",  "aut",  "vel",
      "tamen", "ergo", "mihi", "tibi",  "ipse",  "hujus", "huius", "cujus", "cuius", "esse", "dein",
      "mein",  "auch", "noch", "schon", "nach",  "kein",  "sehr",  "wird"};
  return std::find(std::begin(kWords), std::end(kWords), w) != std::end(kWords);
}

// `w` with the accents of Latin-1 letters taken off ("thé" to "the"), or empty when it holds a
// character with no plain ASCII form (a ligature, another script, a symbol).
std::string fold_accents(std::string_view w) {
  // U+00C0 to U+00FF; '?' marks a character that has no single plain letter (Æ, ß, ×).
  static constexpr std::string_view kBase =
      "AAAAAA?CEEEEIIII?NOOOOO??UUUUY??aaaaaa?ceeeeiiii?nooooo??uuuuy?y";
  std::string folded;
  for (size_t pos = 0; pos < w.size();) {
    if (static_cast<unsigned char>(w[pos]) < 0x80) {
      folded += w[pos++];
      continue;
    }
    size_t len = 0;
    const char32_t c = utf8::decode(w, pos, len);
    if (c < 0xC0 || c > 0xFF || kBase[c - 0xC0] == '?') return "";
    folded += kBase[c - 0xC0];
    pos += len;
  }
  return folded;
}

bool is_roman_numeral(std::string_view w) {
  return !w.empty() && std::all_of(w.begin(), w.end(), [](char c) {
    return c == 'i' || c == 'v' || c == 'x' || c == 'l' || c == 'c' || c == 'd' || c == 'm';
  });
}

bool is_lower_ascii(char c) {
  return c >= 'a' && c <= 'z';
}
bool is_upper_ascii(char c) {
  return c >= 'A' && c <= 'Z';
}
bool is_digit_ascii(char c) {
  return c >= '0' && c <= '9';
}

class Speller {
 public:
  explicit Speller(const Dictionary& dict) : dict_(dict) {}
  bool available() const { return dict_.available(); }
  bool knows(const std::string& w) {
    auto it = cache_.find(w);
    if (it != cache_.end()) return it->second;
    std::string normal = w;  // hunspell's affix files spell the apostrophe '
    for (size_t at = normal.find("\xE2\x80\x99"); at != std::string::npos;
         at = normal.find("\xE2\x80\x99", at)) {
      normal.replace(at, 3, "'");
    }
    const bool known = dict_.knows(normal);
    cache_.emplace(w, known);
    return known;
  }
  // True for an early-modern spelling of a dictionary word ("hee", "bloud"). The answers are
  // kept per dictionary for the whole process: most candidate spellings are rejected by Hunspell
  // and the same words come back with every block and every edit.
  bool knows_historical(const std::string& lowered) { return historical_changes(lowered) > 0; }
  // How many regular spelling changes make `lowered` a dictionary word (1 or 2), or 0.
  int historical_changes(const std::string& lowered) {
    HistoricalAnswers& answers = historical_answers(dict_);
    {
      const std::shared_lock lock(answers.mutex);
      if (const auto it = answers.known.find(lowered); it != answers.known.end()) return it->second;
    }
    const int known =
        historical_spelling_changes(lowered, [this](const std::string& w) { return knows(w); });
    const std::unique_lock lock(answers.mutex);
    if (answers.known.size() >= kMaxHistoricalAnswers) answers.known.clear();
    answers.known.emplace(lowered, known);
    return known;
  }

 private:
  static constexpr size_t kMaxHistoricalAnswers = 1 << 18;  // bounds the memory of a long session
  struct HistoricalAnswers {
    std::shared_mutex mutex;
    std::unordered_map<std::string, int> known;
  };
  static HistoricalAnswers& historical_answers(const Dictionary& dict) {
    static std::mutex mutex;
    static std::unordered_map<const Dictionary*, std::unique_ptr<HistoricalAnswers>> by_dictionary;
    const std::lock_guard lock(mutex);
    auto& answers = by_dictionary[&dict];
    if (!answers) answers = std::make_unique<HistoricalAnswers>();
    return *answers;
  }

  const Dictionary& dict_;
  std::unordered_map<std::string, bool> cache_;
};

struct Candidate {
  std::string word;
  std::string how;  // "“b” for “h”"
  int edits = 0;
};

// Dictionary words reached by undoing one or two confusions, fewest edits first; a common word
// first among those with as few edits. `tried` counts the dictionary lookups.
std::vector<Candidate> repairs(const std::string& token, bool capital, Speller& speller,
                               size_t& tried) {
  std::vector<Candidate> found;
  if (token.size() > kMaxRepairLength) return found;
  std::vector<Candidate> frontier{{token, "", 0}};
  std::unordered_set<std::string> seen{token};
  for (int depth = 1; depth <= (token.size() >= 4 ? 2 : 1) && found.empty(); ++depth) {
    std::vector<Candidate> next;
    for (const auto& base : frontier) {
      for (const auto& c : kConfusions) {
        for (size_t at = base.word.find(c.seen); at != std::string::npos;
             at = base.word.find(c.seen, at + 1)) {
          if (tried >= kMaxRepairLookups) return found;
          // An "a" for a final "s" would make plurals of Latin and Italian words ("formula"),
          // and in a two-letter token it is a guess ("ao" is "as", "so" or "ago").
          if (c.seen == "a" &&
              ((at + 1 == base.word.size() && base.word.size() > 3) || token.size() <= 2)) {
            continue;
          }
          std::string word = base.word;
          word.replace(at, c.seen.size(), c.meant);
          if (!seen.insert(word).second) continue;
          std::string how = base.how.empty() ? "" : base.how + ", ";
          how += "“" + std::string(c.seen) + "” for “" + std::string(c.meant) + "”";
          if (depth == 1) next.push_back({word, how, depth});
          const bool plain = std::all_of(word.begin(), word.end(), [](char ch) {
            return is_lower_ascii(ch) || ch == '\'' || static_cast<unsigned char>(ch) >= 0x80;
          });
          if (!plain || word.size() < 2) continue;
          // A short token reaches too many rare words ("sae" to "sac", "nd" to "nil").
          if (token.size() <= 3 && lower_ascii(token) == token && !is_common_word(word)) continue;
          if (capital && !is_common_word(word)) continue;
          if (word == "tho") continue;  // itself the classic misreading of "the"
          ++tried;
          if (speller.knows(word)) found.push_back({word, how, depth});
        }
      }
    }
    frontier = std::move(next);
  }
  std::stable_sort(found.begin(), found.end(), [](const Candidate& a, const Candidate& b) {
    return is_common_word(a.word) > is_common_word(b.word);
  });
  return found;
}

// The repair to offer: the only candidate, or the only common word among several.
const Candidate* clear_winner(const std::vector<Candidate>& found) {
  if (found.size() == 1) return &found.front();
  if (found.size() > 1 && is_common_word(found[0].word) && !is_common_word(found[1].word)) {
    return &found.front();
  }
  return nullptr;
}

// Characters that never sit between the letters of a printed word.
bool is_junk_char(char32_t c) {
  return c == '|' || c == '^' || c == '~' || c == '\\' || c == '{' || c == '}' || c == 0xA6 ||
         c == 0xAC || c == 0xA4 || c == 0x25A0 || c == 0x25A1 || c == 0xA1 || c == 0xBF;
}

struct Noise {
  Span span;
  std::string message;
  std::string replacement;  // empty: no repair known
  Span fix_span;            // what the replacement replaces, when not `span`
  int weight = 1;           // 3 a repair, 2 character evidence, 1 an unknown word
  size_t word = 0;          // index of the word in its block
};

// Why a lowercase token no dictionary knows looks like junk, or empty.
std::string junk_reason(std::string_view w) {
  if (w.size() > 40) return "a run of " + std::to_string(w.size()) + " characters with no space";
  size_t vowels = 0, letters = 0;
  for (size_t i = 0; i < w.size(); ++i) {
    const char c = w[i];
    if (!is_lower_ascii(c)) continue;
    ++letters;
    vowels += std::string_view("aeiouy").find(c) != std::string_view::npos;
    if (i + 3 < w.size() && w[i + 1] == c && w[i + 2] == c && w[i + 3] == c &&
        std::string_view("bcdfgijklpqtvx").find(c) != std::string_view::npos) {
      return "four identical letters in a row";
    }
  }
  if (letters >= 5 && vowels == 0 && letters == w.size()) return "no vowel";
  for (size_t i = 1; i + 1 < w.size(); ++i) {
    if (is_digit_ascii(w[i]) && is_lower_ascii(w[i - 1]) && is_lower_ascii(w[i + 1])) {
      return "a digit inside a word";
    }
  }
  // "hereof,and": the space after a mark lost (not a full stop: "thestar.com", "pp.xx"), between
  // two runs of letters.
  for (size_t i = 2; i + 2 < w.size(); ++i) {
    if ((w[i] == ',' || w[i] == ';' || w[i] == ':') && is_lower_ascii(w[i - 1]) &&
        is_lower_ascii(w[i - 2]) && is_lower_ascii(w[i + 1]) && is_lower_ascii(w[i + 2])) {
      return "a “" + std::string(1, w[i]) + "” with no space after it inside a word";
    }
  }
  // "struck.him", "ha.ve": a full stop between runs of small letters, unless what follows is the
  // end of an address or a file name ("thestar.com", "notes.txt").
  if (const size_t dot = w.find('.'); dot != std::string_view::npos && dot >= 2 &&
                                      std::all_of(w.begin(), w.begin() + dot, is_lower_ascii)) {
    const std::string_view after = w.substr(dot + 1);
    static constexpr std::string_view kAddressEnds[] = {
        "com", "org", "net", "edu", "gov",  "int", "mil", "info", "biz", "io",  "co",
        "uk",  "us",  "de",  "fr",  "html", "htm", "php", "asp",  "js",  "css", "jpg",
        "png", "gif", "pdf", "txt", "md",   "doc", "xml", "json", "py",  "exe", "zip"};
    if (after.size() >= 2 && std::all_of(after.begin(), after.end(), is_lower_ascii) &&
        std::find(std::begin(kAddressEnds), std::end(kAddressEnds), after) ==
            std::end(kAddressEnds)) {
      return "a “.” inside a word";
    }
  }
  for (size_t pos = 1; pos + 1 < w.size();) {
    size_t len = 0;
    if (is_junk_char(utf8::decode(w, pos, len))) {
      return "a stray “" + std::string(w.substr(pos, len)) + "” inside a word";
    }
    pos += len;
  }
  return "";
}

// Number forms that are not noise: "1st", "1920s", "10am", "5km", "1s" (a shilling).
bool is_number_form(std::string_view part) {
  static constexpr std::string_view kUnits[] = {
      "st", "nd", "rd", "th", "s",   "d",   "am", "pm", "km",  "kg",  "cm",
      "mm", "m",  "ft", "lb", "lbs", "mph", "hp", "bc", "ad",  "bce", "ce",
      "x",  "k",  "vo", "mo", "to",  "in",  "oz", "yd", "yds", "cwt"};  // 8vo, 12mo, 4to
  size_t lead = 0;
  while (lead < part.size() && is_digit_ascii(part[lead])) ++lead;
  if (lead == 0) return false;
  const std::string_view rest = part.substr(lead);
  if (!std::all_of(rest.begin(), rest.end(), is_lower_ascii)) return false;
  return rest.empty() || (lead >= 2 && rest.size() <= 3) ||
         std::find(std::begin(kUnits), std::end(kUnits), rest) != std::end(kUnits);
}

// Names with a capital inside: McDonald, MacArthur, DeLancey, O'Brien, LaSalle, VanBuren.
bool has_name_prefix(std::string_view w) {
  for (std::string_view prefix : {"Mc", "Mac", "De", "Di", "Du", "La", "Le", "O'", "Van", "Von"}) {
    if (w.size() > prefix.size() + 1 && w.substr(0, prefix.size()) == prefix &&
        is_upper_ascii(w[prefix.size()])) {
      return true;
    }
  }
  return false;
}

// A brand or a run-together title, "ZooKeys", "NowMuse": two words, the second capitalised,
// where the scanner's capitals fall on single letters ("shaU", "laFt", "EoUled").
bool is_camel_case(std::string_view w, Speller& speller) {
  for (size_t i = 3; i + 3 <= w.size(); ++i) {
    if (!is_upper_ascii(w[i]) || !is_lower_ascii(w[i - 1])) continue;
    const std::string_view left = w.substr(0, i), right = w.substr(i);
    const bool right_plain = std::all_of(right.begin() + 1, right.end(), is_lower_ascii);
    const bool left_plain = std::all_of(left.begin() + 1, left.end(), is_lower_ascii);
    return right_plain && left_plain && speller.knows(lower_ascii(left)) &&
           speller.knows(lower_ascii(right));
  }
  return false;
}

// "p.m", "s.s", "h.p", "e.g": letters between dots, an abbreviation.
bool is_initialism(std::string_view w) {
  if (w.find('.') == std::string_view::npos) return false;
  size_t run = 0;
  for (char c : w) {
    if (c == '.') {
      run = 0;
    } else if (++run > 2 || !(is_lower_ascii(c) || is_upper_ascii(c))) {
      return false;
    }
  }
  return true;
}

// Two words of three letters or more written as one, "coalowner", "churchway": a compound the
// dictionary lacks. Glued function words ("andthe", "withthe") are a lost space, not a compound.
bool is_compound(const std::string& w, Speller& speller) {
  if (w.size() < 6 || !std::all_of(w.begin(), w.end(), is_lower_ascii)) return false;
  for (size_t i = 3; i + 3 <= w.size(); ++i) {
    const std::string left = w.substr(0, i), right = w.substr(i);
    if (is_common_word(left) || is_common_word(right)) continue;
    if (speller.knows(left) && speller.knows(right)) return true;
  }
  return false;
}

// The family of letter shapes a confusion ("“c” for “e”") belongs to: round letters, minims,
// ascenders, or other.
int shape_family(std::string_view how) {
  const size_t quote = how.find("\xE2\x80\x9C");  // the opening quote before the printed letters
  const char seen = quote == std::string_view::npos || quote + 3 >= how.size() ? 0 : how[quote + 3];
  if (std::string_view("ceo").find(seen) != std::string_view::npos) return 0;
  if (std::string_view("inmurv").find(seen) != std::string_view::npos) return 1;
  if (std::string_view("bhldIU1|").find(seen) != std::string_view::npos) return 2;
  return 3;
}

void set_message(Noise& noise, std::string_view token, const Candidate& repair) {
  // Confusions of two unrelated letter shapes reach a rare word by chance too often ("worid" to
  // "wend") for the word to be offered as the fix; the finding stands.
  const size_t comma = repair.how.find(", ");
  const bool mixed = comma != std::string::npos &&
                     shape_family(repair.how) != shape_family(repair.how.substr(comma + 2));
  if (!mixed || is_common_word(lower_ascii(repair.word))) noise.replacement = repair.word;
  // Without a fix to offer, such a reading needs other noise near it, like an unknown word.
  noise.weight = noise.replacement.empty() ? 2 : 3;
  noise.message = "“" + quote_excerpt(token) + "” looks like an OCR misreading of “" + repair.word +
                  "” (" + repair.how + ").";
}

// Identifier labels of citations ("doi:", "ISSN"), written in small letters by some styles.
bool is_citation_abbreviation(std::string_view lowered) {
  for (std::string_view label : {"doi", "isbn", "issn", "oclc", "pmid", "pmc", "jstor", "arxiv"}) {
    if (lowered == label) return true;
  }
  return false;
}

// "thé", "hâve": an accent the scanner put on an English word.
bool judge_accents(std::string_view part, Speller& speller, Noise& noise) {
  const std::string token(part), folded = fold_accents(part);
  if (folded.empty() || speller.knows(token) || !speller.knows(folded)) return false;
  noise.replacement = folded;
  noise.weight = 3;
  noise.message = "“" + quote_excerpt(token) + "” looks like an OCR misreading of “" + folded +
                  "” (an accent the scanner added).";
  return true;
}

// An apostrophe the scanner made of a letter or a space: "brother'a" for "brother's", "on'the"
// for "on the", "l'm" for "I'm".
std::optional<Candidate> apostrophe_misreading(const std::string& token, Speller& speller) {
  size_t at = token.find('\'');
  size_t width = 1;
  if (at == std::string::npos) {
    at = token.find("\xE2\x80\x99");
    width = 3;
  }
  if (at == std::string::npos || at == 0) return std::nullopt;
  const std::string left = token.substr(0, at), mark = token.substr(at, width),
                    right = token.substr(at + width);
  const bool letters = std::all_of(left.begin() + 1, left.end(), is_lower_ascii) &&
                       (is_lower_ascii(left[0]) || is_upper_ascii(left[0]));
  if (!letters) return std::nullopt;
  if (left == "l" && (right == "m" || right == "ve" || right == "ll" || right == "d")) {
    return Candidate{"I" + mark + right, "“l” for “I”", 1};
  }
  if (left.size() >= 3 && right == "a" && (speller.knows(left) || is_upper_ascii(left[0]))) {
    return Candidate{left + mark + "s", "“a” for “s”", 1};
  }
  if (left.size() >= 2 && speller.knows(left) &&
      (right == "the" || right == "and" || right == "with" || right == "that" || right == "of" ||
       right == "to" || right == "his" || right == "was")) {
    return Candidate{left + " " + right, "“" + mark + "” for a space", 1};
  }
  return std::nullopt;
}

// A word a dictionary lacks but English makes by rule from one it has, as older and poetic
// prose does: "unhelped", "unwetted", "undermaster", "overwatched". Only a prefix: a misread
// ending ("wamed", "oalled") is the commonest scanning error and often leaves a rare stem.
bool is_derived_word(const std::string& lowered, Speller& speller) {
  for (std::string_view prefix : {"un", "under", "over"}) {
    if (!lowered.starts_with(prefix)) continue;
    const std::string stem = lowered.substr(prefix.size());
    if (stem.size() >= 5 && !is_common_word(stem) && speller.knows(stem)) return true;
  }
  return false;
}

// "'tis", "'twas", "'gainst": a word whose first letters an apostrophe stands for, its core
// without the apostrophe.
bool is_elision(std::string_view text, const Word& w) {
  if (w.core.offset == w.chunk.offset) return false;
  const std::string_view before = text.substr(w.chunk.offset, w.core.offset - w.chunk.offset);
  if (!before.ends_with('\'') && !before.ends_with("\xE2\x80\x99")) return false;
  return is_one_of(lower_ascii(text.substr(w.core.offset, w.core.length)),
                   {"tis", "twas", "twere", "twill", "twould", "gainst", "neath", "mid", "midst",
                    "mongst", "tween", "twixt", "em", "scape", "prentice"});
}

// The OCR reading of one word part (no hyphen inside), or nothing. `accents_are_noise`: the
// block's scanner puts accents on English words, so an accented word is judged too.
bool judge_part(std::string_view part, bool sentence_start, bool accents_are_noise,
                Speller& speller, Noise& noise) {
  if (part.size() < 2) return false;
  const std::string token(part);
  // Accents, Cyrillic: another language, unless the scanner is known to add accents.
  if (has_non_ascii_letter(part)) return accents_are_noise && judge_accents(part, speller, noise);
  // Typographic ligatures (U+FB00–FB06), the long s and fractions ("1½d") are careful
  // transcription of print, not scanner output.
  if (part.find("\xEF\xAC") != std::string_view::npos ||
      part.find("\xC5\xBF") != std::string_view::npos ||
      part.find("\xC2\xBD") != std::string_view::npos ||
      part.find("\xC2\xBC") != std::string_view::npos ||
      part.find("\xC2\xBE") != std::string_view::npos ||
      part.find("\xE2\x85") != std::string_view::npos) {  // "32⅛d"
    return false;
  }
  const bool has_digit = std::any_of(part.begin(), part.end(), is_digit_ascii);
  const bool has_lower = std::any_of(part.begin(), part.end(), is_lower_ascii);
  // "2W0", "1O0": a capital between the digits of a figure is a misread digit.
  if (!has_lower && part.size() >= 3 && is_digit_ascii(part.front()) &&
      is_digit_ascii(part.back()) && std::count_if(part.begin(), part.end(), is_upper_ascii) == 1 &&
      std::all_of(part.begin(), part.end(),
                  [](char c) { return is_digit_ascii(c) || is_upper_ascii(c); })) {
    noise.weight = 2;
    noise.message =
        "“" + quote_excerpt(token) + "” looks like OCR noise: a letter inside a number.";
    return true;
  }
  if (!has_lower) return false;  // acronyms, headings in capitals, numbers
  // A capital after a small letter ("tHe", "wiII", "shaU", "MaHga") is the scanner's; a capital
  // start is a name unless the sentence starts there.
  bool broken_case = false;
  for (size_t i = 1; i < part.size(); ++i) {
    broken_case |= is_upper_ascii(part[i]) && is_lower_ascii(part[i - 1]);
  }
  if (broken_case && (has_name_prefix(part) || is_camel_case(part, speller))) return false;
  if (is_initialism(part)) return false;
  if (is_citation_abbreviation(lower_ascii(token))) return false;
  const bool capital = is_upper_ascii(part[0]);
  if (has_digit) {
    // Footnote marks glued to a word ("religiously7") belong to garble/spun-text.
    size_t trail = part.size();
    while (trail > 0 && is_digit_ascii(part[trail - 1])) --trail;
    const bool footnote =
        trail < part.size() && trail >= 3 && speller.knows(std::string(part.substr(0, trail)));
    if (is_number_form(part) || footnote) return false;
    const auto digits = std::count_if(part.begin(), part.end(), is_digit_ascii);
    if (static_cast<size_t>(digits) * 2 > part.size()) return false;
  }
  const std::string lowered = lower_ascii(token);
  if (const auto repair = apostrophe_misreading(token, speller)) {
    set_message(noise, token, *repair);
    return true;
  }
  // "aud": a dictionary entry, but in running prose nearly always a scanned "and".
  if (token == "aud") {
    set_message(noise, token, {"and", "“u” for “n”", 1});
    return true;
  }
  if (is_roman_numeral(lowered) || speller.knows(token)) return false;
  if (!broken_case && !has_digit && is_derived_word(lowered, speller)) return false;
  if (!broken_case && !has_digit) {
    // One regular change from a word ("bloud", "corne") is an old spelling. Two changes reach
    // far ("aiso" to "aso" to "also"): one scanner confusion to a common word beats them.
    const int changes = speller.historical_changes(lowered);
    if (changes == 1) return false;
    if (changes == 2) {
      size_t tried = 0;
      const auto found = repairs(lowered, false, speller, tried);
      // A long word is seldom one round letter ("c", "e", "o") from another by chance
      // ("botter", "priee", "publie"); other confusions reach rare words ("braule", "branle").
      if (found.empty() || found.front().edits != 1 ||
          !(is_common_word(found.front().word) ||
            (lowered.size() >= 5 && shape_family(found.front().how) == 0))) {
        return false;
      }
    }
  }
  // Two words run together ("coalowner") unless one classic confusion makes a single word of it
  // ("witbout" is "wit" and "bout", but a scanned "without").
  if (!broken_case && !has_digit && !capital && is_compound(token, speller)) {
    size_t tried = 0;
    const auto found = repairs(token, false, speller, tried);
    const Candidate* repair = clear_winner(found);
    if (repair == nullptr || repair->edits != 1 || token.size() < 7) return false;
    set_message(noise, token, *repair);
    return true;
  }
  // "Hke", "Hkewise": an "li" read as one "H", giving a start no English word or name has.
  if (!broken_case && !has_digit && part.size() >= 3 && part[0] == 'H' &&
      std::string_view("bcdfgkpqtxz").find(part[1]) != std::string_view::npos &&
      std::all_of(part.begin() + 1, part.end(), is_lower_ascii)) {
    const std::string repaired = (sentence_start ? "Li" : "li") + token.substr(1);
    if (speller.knows(repaired)) {
      set_message(noise, token, {repaired, "“H” for “li”", 1});
    } else {
      noise.weight = 2;
      noise.message = "“" + quote_excerpt(token) + "” looks like OCR noise: no English word " +
                      "starts “" + token.substr(0, 2) + "”.";
    }
    return true;
  }
  // "Lqrd": a "q" between consonants, in no English word or transliterated name.
  for (size_t i = 1; i + 1 < part.size(); ++i) {
    auto consonant = [](char c) {
      return (is_lower_ascii(c) || is_upper_ascii(c)) &&
             std::string_view("aeiouyAEIOUY").find(c) == std::string_view::npos;
    };
    if (part[i] == 'q' && consonant(part[i - 1]) && consonant(part[i + 1])) {
      noise.weight = 2;
      noise.message =
          "“" + quote_excerpt(token) + "” looks like OCR noise: a “q” between consonants.";
      return true;
    }
  }
  std::vector<Candidate> found;
  size_t tried = 0;
  std::string l_for_i = token;  // "wiII", "Iike": a capital I read for l
  std::replace(l_for_i.begin(), l_for_i.end(), 'I', 'l');
  if (l_for_i != token && lower_ascii(l_for_i) == l_for_i && speller.knows(l_for_i)) {
    found.push_back({l_for_i, "“I” for “l”", 1});
  } else if (capital && !broken_case && !has_digit && !sentence_start) {
    // A name: "Mdes" could be Miles or a surname. A word one round letter ("c" and "e"
    // misread) away from a dictionary word ("Temperanoe", "Arctio", "Ohurch") is that word, and
    // so is one a confusion away from a capitalised common word ("Whioh", "Thia"); names seldom
    // are.
    if (token.size() < 3) return false;
    for (auto c : repairs(lowered, false, speller, tried)) {
      const bool common = is_common_word(c.word);
      c.word[0] = static_cast<char>(c.word[0] - 'a' + 'A');
      // Not "o" for "e": Italian and Spanish names end in "o" ("Principato").
      const bool round = token.size() >= 5 && shape_family(c.how) == 0 && c.how != "“o” for “e”";
      if (c.edits == 1 && (round || common) && speller.knows(c.word)) found.push_back(c);
    }
    if (found.size() != 1) return false;
  } else if (broken_case && !capital) {
    found = repairs(token, false, speller, tried);  // "aU" for "all"
    if (found.empty() && speller.knows(lowered)) {
      found.push_back({lowered, "capitals inside the word", 1});  // "tHe"
    }
    // "immortaU": a final "U" for "ll" giving an old spelling ("immortall"), no modern word.
    if (found.empty() && token.size() >= 4 && token.back() == 'U' &&
        std::all_of(token.begin(), token.end() - 1, is_lower_ascii)) {
      const std::string old_form = token.substr(0, token.size() - 1) + "ll";
      if (speller.knows_historical(old_form)) found.push_back({old_form, "“U” for “ll”", 1});
    }
  } else if (capital && !broken_case) {
    const std::string probe = lowered;
    found = repairs(probe, true, speller, tried);
    for (auto& c : found) c.word[0] = static_cast<char>(c.word[0] - 'a' + 'A');
    if (found.empty() && !has_digit) return false;  // a name opening the sentence
  } else {
    found = repairs(token, false, speller, tried);
  }
  if (const Candidate* repair = clear_winner(found)) {
    set_message(noise, token, *repair);
    return true;
  }
  if (!found.empty()) {
    noise.weight = 2;
    noise.message = "“" + quote_excerpt(token) +
                    "” is no English word; it may be a misreading of “" + found[0].word + "” or “" +
                    found[1].word + "”.";
    return true;
  }
  const std::string reason = junk_reason(token);
  if (!reason.empty()) {
    noise.weight = 2;
    noise.message = "“" + quote_excerpt(token) + "” looks like OCR noise: " + reason + ".";
    return true;
  }
  if (broken_case) {
    noise.weight = 2;
    noise.message = "“" + quote_excerpt(token) + "” looks like OCR noise: capitals inside a word.";
    return true;
  }
  if (capital || token.find('\'') != std::string::npos) return false;  // "o'er", "th'"
  noise.weight = 1;
  noise.message = "“" + quote_excerpt(token) +
                  "” is no English word, past or present, and looks like a scanning error.";
  return true;
}

// Words after which "tho" is the scanned "the", not the poet's "though".
bool takes_article(std::string_view w) {
  for (std::string_view p : {"of", "in", "to", "at", "on", "by", "for", "from", "with", "into",
                             "upon", "and", "that", "all", "is", "was", "be", "under", "over"}) {
    if (w == p) return true;
  }
  return false;
}

// Words that follow "though" ("tho he", "tho all"), never "the".
bool follows_though(std::string_view w) {
  return is_one_of(
      w, {"i",     "he",    "she",   "it",    "we",   "they", "you",   "thou",   "ye",      "his",
          "her",   "its",   "their", "our",   "my",   "your", "thy",   "this",   "that",    "these",
          "those", "there", "not",   "all",   "a",    "an",   "the",   "no",     "some",    "many",
          "much",  "but",   "yet",   "still", "now",  "only", "never", "ever",   "in",      "at",
          "by",    "with",  "to",    "for",   "on",   "as",   "so",    "what",   "one",     "each",
          "every", "both",  "few",   "more",  "most", "less", "late",  "little", "perhaps", "oft",
          "often", "very",  "well",  "long"});
}

// A dictionary word that in running prose is nearly always a scanner's misreading of a common
// one, judged by its neighbours: "tho" for "the" before a noun, "ail" for "all", "bis" and
// "hie" for "his", "ho" for "he", "bas" for "has", "aa" for "as", "bad been" for "had been",
// "AU" for "All". In verse, where poets write "tho" and "ho", only "tho" after a word that takes
// an article ("of tho") is judged.
std::optional<Candidate> misread_real_word(std::string_view text, const std::vector<Word>& words,
                                           size_t i, bool verse) {
  if (i + 1 >= words.size()) return std::nullopt;
  const std::string_view core = text.substr(words[i].core.offset, words[i].core.length);
  const Word& next = words[i + 1];
  const std::string_view next_core = text.substr(next.core.offset, next.core.length);
  // Only between words of running prose: the next word starts small, with nothing before it.
  if (next.core.offset != next.chunk.offset || next_core.empty() || !is_lower_ascii(next_core[0])) {
    return std::nullopt;
  }
  const std::string next_word = lower_ascii(next_core);
  if (is_foreign_function_word(next_word)) return std::nullopt;  // "A bas les Aristocrates"
  std::string prev_word;
  bool prev_joined = false;  // the previous word runs into this one with no stop between
  bool prev_number = false;
  if (i > 0) {
    const Word& prev = words[i - 1];
    prev_word = lower_ascii(text.substr(prev.core.offset, prev.core.length));
    prev_joined = prev.core.end() == prev.chunk.end() && prev.core.length > 0;
    prev_number = std::any_of(prev_word.begin(), prev_word.end(), is_digit_ascii);
  }
  const bool capital = is_upper_ascii(core[0]);
  auto word = [&](std::string_view lower) {
    std::string w(lower);
    if (capital) w[0] = static_cast<char>(w[0] - 'a' + 'A');
    return w;
  };
  const std::string lowered = lower_ascii(core);
  if (core.size() >= 2 && !std::all_of(core.begin() + 1, core.end(), is_lower_ascii)) {
    // Capitals inside: only "AU" for "All" is judged here.
    if (core == "AU") return Candidate{"All", "“U” for “ll”", 1};
    return std::nullopt;
  }
  // "tho weary, he": a clause of "though" ends at the stop after its word.
  const bool next_stops = next.core.end() != next.chunk.end();
  if (lowered == "tho" && (verse ? prev_joined && takes_article(prev_word)
                                 : !follows_though(next_word) && !next_stops)) {
    return Candidate{word("the"), "“o” for “e”", 1};
  }
  if (lowered == "ail" &&
      (capital || !is_one_of(prev_word, {"to", "will", "would", "shall", "should", "may", "might",
                                         "can", "could", "must", "does", "did", "do", "doth",
                                         "dost", "what", "nothing", "not"}))) {
    return Candidate{word("all"), "“i” for “l”", 1};
  }
  if ((lowered == "bis" || (core == "hie" && next_word != "thee" && next_word != "you")) &&
      !prev_number) {
    return Candidate{word("his"), lowered == "bis" ? "“b” for “h”" : "“e” for “s”", 1};
  }
  if (lowered == "ho" && !capital && !verse && prev_joined && next_word != "ho" &&
      !is_one_of(prev_word, {"westward", "eastward", "land", "what", "heigh", "tally", "ho"})) {
    return Candidate{"he", "“o” for “e”", 1};
  }
  if (lowered == "bas" && !capital && prev_joined &&
      !is_one_of(prev_word, {"a", "en", "la", "le", "de", "au", "pas", "les"})) {
    return Candidate{"has", "“b” for “h”", 1};
  }
  if (lowered == "aa" && !capital && prev_joined && !prev_number) {
    return Candidate{"as", "“a” for “s”", 1};
  }
  // "bad been", "bad not": "bad" never comes before a participle or "not".
  if (lowered == "bad" && is_one_of(next_word, {"been", "not", "never", "done", "seen", "taken",
                                                "given", "received", "heard", "gone", "become"})) {
    return Candidate{word("had"), "“b” for “h”", 1};
  }
  // "be was", "lie had": a pronoun's place, before a verb that "be" or a noun "lie" never
  // precedes. After a word that makes "lie" a noun ("the lie was") it is left alone.
  if (!capital &&
      is_one_of(next_word, {"was",  "is",       "has",     "had",  "would", "could", "should",
                            "will", "did",      "went",    "came", "took",  "saw",   "knew",
                            "gave", "answered", "replied", "hath", "doth",  "tooke"})) {
    // "To be is to do", "what will be will be": "be" after a word that takes it.
    if (lowered == "be" && next_word != "had" &&
        !is_one_of(prev_word, {"to", "will", "shall", "may", "might", "must", "can", "could",
                               "would", "should", "not", "let", "be"})) {
      return Candidate{"he", "“b” for “h”", 1};
    }
    if (lowered == "lie" && prev_joined &&
        !is_one_of(prev_word,
                   {"a",     "the",  "this",  "that", "his",   "her",   "its",      "their",
                    "our",   "my",   "your",  "no",   "every", "any",   "such",     "one",
                    "which", "what", "white", "big",  "great", "black", "outright", "direct"})) {
      return Candidate{"he", "“li” for “h”", 1};
    }
  }
  // "m the", "ol the": "in" and "of" before a word that follows them, between words of prose.
  if (!capital && prev_joined && !prev_number &&
      is_one_of(next_word, {"the", "a", "an", "his", "her", "their", "this", "that", "which", "all",
                            "my", "our", "its", "these", "those", "them", "him", "order"})) {
    if (lowered == "m") return Candidate{"in", "“m” for “in”", 1};
    if (lowered == "ol" || lowered == "ot") {
      return Candidate{"of", "“" + lowered.substr(1) + "” for “f”", 1};
    }
  }
  return std::nullopt;
}

// Words after which a "1" is a number: "page 1", "chapter 1".
bool introduces_number(std::string_view w) {
  for (std::string_view p :
       {"page",  "chapter", "no",      "number",  "vol",   "volume", "part",   "book",
        "verse", "line",    "article", "section", "plate", "fig",    "figure", "psalm",
        "act",   "scene",   "class",   "table",   "note",  "col",    "p",      "pp",
        "ch",    "art",     "sect",    "item",    "step",  "lot",    "grade",  "size"}) {
    if (w == p) return true;
  }
  return false;
}

// Verbs that follow "I" and never a figure: "1 am", "1 have", "1 think" are a misread "I".
bool takes_first_person(std::string_view w) {
  return is_one_of(
      w,
      {"am",       "have",    "was",     "had",         "will",   "would",    "shall",   "should",
       "could",    "can",     "cannot",  "did",         "do",     "think",    "thought", "believe",
       "know",     "knew",    "hope",    "remember",    "fear",   "felt",     "feel",    "saw",
       "said",     "say",     "went",    "came",        "must",   "may",      "might",   "wish",
       "trust",    "confess", "suppose", "beg",         "mean",   "answered", "replied", "heard",
       "found",    "wrote",   "need",    "h\xC3\xA2ve", "used",   "took",     "liked",   "promise",
       "placed",   "wore",    "tried",   "told",        "met",    "began",    "sent",    "got",
       "couldn't", "can't",   "don't",   "shan't",      "didn't", "wouldn't"});
}

// A lone "1" inside a sentence, after a word or a sentence end and before a small-letter word
// ("when 1 was", "Alas 1 the"): a misread "I" or "!". Prose writes small numbers out, and a
// number before a unit, a range or a sum ("1 lb", "1 to 3", "1 and 2") is left alone.
// The word after word `i`, without the stop after it ("1 say, of"): a word, not a figure's unit.
std::string_view next_word_text(std::string_view text, const std::vector<Word>& words, size_t i) {
  const Word& next = words[i + 1];
  return next.core.offset == next.chunk.offset && next.core.length > 0
             ? text.substr(next.core.offset, next.core.length)
             : text.substr(next.chunk.offset, next.chunk.length);
}

// "£1. Is 6d", "Is 9d": "Is" in a price, where the scanner read the "1" of "1s" as a capital I.
// After pounds it must not open a sentence ("£1. Is it dear?").
bool is_misread_shilling(std::string_view text, const std::vector<Word>& words, size_t i) {
  const std::string_view next =
      i + 1 < words.size() ? text.substr(words[i + 1].chunk.offset, words[i + 1].chunk.length)
                           : std::string_view();
  size_t digits = 0;
  while (digits < next.size() && is_digit_ascii(next[digits])) ++digits;
  const std::string_view unit = next.substr(digits);
  if (digits > 0 && (unit == "d" || unit == "d." || unit == "d,")) return true;  // "Is 9d"
  if (i == 0) return false;
  const std::string_view prev = text.substr(words[i - 1].chunk.offset, words[i - 1].chunk.length);
  return prev.starts_with("\xC2\xA3") && prev.size() > 2 && is_digit_ascii(prev[2]) &&
         (next.empty() || !is_lower_ascii(next[0]));
}

// A lone "1" before a verb that takes "I" and no count ("1 am", "1 have", "1 think"): "I"
// wherever it stands, unless a word before it introduces a number or a time ("page 1 was",
// "at 1 am").
bool is_first_person_one(std::string_view text, const std::vector<Word>& words, size_t i) {
  if (i + 1 >= words.size()) return false;
  const std::string prev_lowered =
      i == 0 ? "" : lower_ascii(text.substr(words[i - 1].core.offset, words[i - 1].core.length));
  return takes_first_person(next_word_text(text, words, i)) &&
         std::none_of(prev_lowered.begin(), prev_lowered.end(), is_digit_ascii) &&
         !introduces_number(prev_lowered) &&
         !is_one_of(prev_lowered, {"at", "by", "from", "till", "until", "about", "after", "before",
                                   "past", "since", "between", "no", "number", "only", "just"});
}

bool is_misread_one(std::string_view text, const std::vector<Word>& words, size_t i) {
  if (i + 1 >= words.size()) return false;
  const std::string_view next_chunk = next_word_text(text, words, i);
  if (i == 0) return false;
  const Word& prev = words[i - 1];
  const std::string_view prev_chunk = text.substr(prev.chunk.offset, prev.chunk.length);
  const std::string_view prev_core = text.substr(prev.core.offset, prev.core.length);
  if (prev_core.empty() || !std::all_of(prev_core.begin(), prev_core.end(), [](char c) {
        return is_lower_ascii(c) || is_upper_ascii(c);
      })) {
    return false;
  }
  const std::string_view prev_tail = prev_chunk.substr(prev.core.end() - prev.chunk.offset);
  const bool sentence_end = prev_tail == "." || prev_tail == "!" || prev_tail == "?";
  if (!(prev_tail.empty() || prev_tail == "," || prev_tail == ";" ||
        (sentence_end && prev_core.size() > 3))) {
    return false;
  }
  // Right after a capitalised word only when it is a common one ("When 1 came"): "Edward 1" is
  // a king. After a stop the name is done ("At the Grange, 1 produced").
  if (prev_tail.empty() && !std::all_of(prev_core.begin(), prev_core.end(), is_lower_ascii) &&
      !is_common_word(lower_ascii(prev_core))) {
    return false;
  }
  if (introduces_number(lower_ascii(prev_core))) return false;
  if (next_chunk.empty() || !std::all_of(next_chunk.begin(), next_chunk.end(), is_lower_ascii)) {
    return false;
  }
  if (next_chunk == "to" || next_chunk == "or" || next_chunk == "and" || next_chunk == "per" ||
      next_chunk == "of" || next_chunk == "x" || is_number_form("1" + std::string(next_chunk))) {
    return false;
  }
  return true;
}

// True when `w` ends in the hyphen of a word split at a line end: "-", or the Unicode hyphen or
// soft hyphen some transcriptions print ("de‐ cide").
bool ends_with_line_hyphen(std::string_view text, const Word& w) {
  const std::string_view tail = text.substr(w.core.end(), w.chunk.end() - w.core.end());
  return w.core.length >= 1 && (tail == "-" || tail == "\xE2\x80\x90" || tail == "\xC2\xAD");
}

// A word split at a line end: "revo- lution", "revo-\nlution", "ob- tained". Either part alone is
// a fragment, never judged; the joined word is. Returns false when `a` and `b` are no such pair.
bool judge_hyphenation(std::string_view text, const Word& a, const Word& b, Speller& speller,
                       Noise& noise) {
  if (!ends_with_line_hyphen(text, a)) return false;
  std::string_view left = text.substr(a.core.offset, a.core.length);
  // "Notes-Transac- tions", "11.Illus- trations": only the last word of the chunk was split.
  constexpr std::string_view kLetters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
  const size_t last_other = left.find_last_not_of(kLetters);
  const size_t left_offset =
      a.core.offset + (last_other == std::string_view::npos ? 0 : last_other + 1);
  left = text.substr(left_offset, a.core.end() - left_offset);
  const std::string_view right = text.substr(b.core.offset, b.core.length);
  if (b.core.offset != b.chunk.offset || left.empty() || right.empty()) return false;
  if (!std::all_of(left.begin() + 1, left.end(), is_lower_ascii) ||
      !(is_lower_ascii(left[0]) || is_upper_ascii(left[0])) || !is_lower_ascii(right[0])) {
    return false;
  }
  // "pre- and post-war": a suspended hyphen.
  if (right == "and" || right == "or" || right == "to" || right == "nor" || right == "but") {
    return false;
  }
  noise.span = {left_offset, b.core.end() - left_offset};
  const std::string joined = std::string(left) + std::string(right);
  if (std::all_of(right.begin(), right.end(), is_lower_ascii) &&
      (speller.knows(joined) || speller.knows_historical(lower_ascii(joined)))) {
    if (speller.knows(std::string(left)) && speller.knows(std::string(right))) return true;
    if (left.size() < 2 || right.size() < 2 || !speller.knows(joined)) return true;
    // A Unicode or soft hyphen is a transcriber's mark of the printed line end, kept on purpose.
    if (text[a.core.end()] != '-') return true;
    noise.replacement = joined;
    noise.weight = 3;
    noise.message = "“" + quote_excerpt(text.substr(noise.span.offset, noise.span.length)) +
                    "” is a word split by line-end hyphenation; it should read “" + joined + "”.";
    return true;
  }
  if (speller.knows(std::string(left) + "-" + std::string(right))) return true;  // "to- day"
  Noise whole;
  if (judge_part(joined, false, false, speller, whole)) {
    noise.weight = whole.weight;
    noise.replacement = whole.replacement;
    noise.message = whole.message;
  }
  return true;
}

// A word split by a space the scanner put in, "medita tion", "presi dents": one part no word,
// the two together a word. Returns false, leaving both parts to be judged alone, otherwise.
bool judge_split(std::string_view text, const Word& a, const Word& b, Speller& speller,
                 Noise& noise) {
  const std::string_view left = text.substr(a.core.offset, a.core.length);
  const std::string_view right = text.substr(b.core.offset, b.core.length);
  if (a.core.end() != a.chunk.end() || b.core.offset != b.chunk.offset || left.size() < 2 ||
      right.size() < 2 || left.size() + right.size() < 6) {
    return false;
  }
  if (!(is_lower_ascii(left[0]) || is_upper_ascii(left[0])) ||
      !std::all_of(left.begin() + 1, left.end(), is_lower_ascii) ||
      !std::all_of(right.begin(), right.end(), is_lower_ascii)) {
    return false;
  }
  const std::string l(left), r(right), joined = l + r;
  const std::string lower_left = lower_ascii(l);
  const bool left_known =
      speller.knows(l) || speller.knows(lower_left) || speller.knows_historical(lower_left);
  const bool right_known = speller.knows(r) || speller.knows_historical(r);
  // A common word beside another word is two words ("any more"); beside a fragment no
  // dictionary knows, it is the start of a split word ("where abouts").
  if (is_common_word(r) || (is_common_word(lower_left) && right_known)) return false;
  if ((left_known && right_known) || !speller.knows(joined)) return false;
  // The error is where the word breaks: the first part lost its line-end hyphen or its
  // neighbour's letters. The second part is as printed, so the finding covers the first part and
  // the space, and its fix (Noise::fix_span) joins both.
  noise.span = {a.core.offset, b.core.offset - a.core.offset};
  noise.fix_span = {a.core.offset, b.core.end() - a.core.offset};
  noise.replacement = joined;
  noise.weight = 3;
  noise.message = "“" + quote_excerpt(text.substr(a.core.offset, b.core.end() - a.core.offset)) +
                  "” is one word split by a space; it should read “" + joined + "”.";
  return true;
}

// True when an English word carries an accent it never takes ("thé", "hâve"): a scanner trained
// on French reads English print so.
bool is_accented_english(std::string_view core, Speller& speller) {
  if (!has_non_ascii_letter(core)) return false;
  const std::string folded = lower_ascii(fold_accents(core));
  return !folded.empty() && is_common_word(folded) && !speller.knows(std::string(core));
}

// A sentence in another language: two of its function words, or many accented words that are
// not accented English common words ("thé", "hâve").
// 2 for such a sentence, 1 for a sentence with one of those function words (foreign when it
// stands beside a foreign sentence: a short line of a quoted dialogue), else 0.
int foreign_sentence_evidence(std::string_view text, const std::vector<Word>& words,
                              Speller& speller) {
  size_t foreign = 0, accented = 0;
  for (const Word& w : words) {
    const std::string_view core = text.substr(w.core.offset, w.core.length);
    if (is_foreign_function_word(lower_ascii(core))) ++foreign;
    accented += has_non_ascii_letter(core) && !is_accented_english(core, speller);
  }
  if (foreign >= 2 || (words.size() >= 4 && accented * 4 >= words.size())) return 2;
  return foreign == 1 ? 1 : 0;
}

// A capital after a small letter, a digit beside a letter, or a sign no word holds.
bool has_scanner_marks(std::string_view core) {
  for (size_t i = 0; i < core.size(); ++i) {
    const char c = core[i];
    if (c == '~' || c == '|' || c == '^' || c == '*' || c == '#') return true;
    if (i == 0) continue;
    const char p = core[i - 1];
    if (is_upper_ascii(c) && is_lower_ascii(p)) return true;
    if ((is_digit_ascii(c) && (is_lower_ascii(p) || is_upper_ascii(p))) ||
        (is_digit_ascii(p) && (is_lower_ascii(c) || is_upper_ascii(c)))) {
      return true;
    }
  }
  return false;
}

constexpr size_t kForeignWindow = 6;  // words in which a quotation in another language shows

// Inflections of Latin ("-orum", "-ibus", "-unt", "-que") that an English word, or a scanned
// one run together with its neighbour ("latelyon", "mysmall"), seldom ends with.
bool has_latin_ending(std::string_view w) {
  for (std::string_view e :
       {"us", "um", "is", "ae", "it", "unt", "ant", "am", "os", "as", "que", "i", "ere", "ur"}) {
    if (w.size() > e.size() + 1 && w.substr(w.size() - e.size()) == e) return true;
  }
  return false;
}

// Marks runs of words in another language inside English sentences, a Latin tag or verse
// quoted mid-sentence: in six words at most one English function word, while English prose
// however badly scanned keeps its "the", "of" and "and"; at least three words no English
// dictionary knows, past or present, most of them with a Latin or Romance ending; and few of
// those one scanner confusion away from an English word, as the words of a badly scanned English
// line are.
void mark_foreign_runs(std::string_view text, const std::vector<Word>& words, Speller& speller,
                       std::vector<bool>& foreign) {
  if (words.size() < kForeignWindow) return;
  // In a block the scanner marked throughout, an unknown word is a misreading, whatever its
  // ending.
  size_t marked = 0;
  for (const Word& w : words)
    marked += has_scanner_marks(text.substr(w.core.offset, w.core.length));
  if (marked * 50 > words.size()) return;
  std::vector<char> common(words.size()), unknown(words.size()), plain(words.size());
  for (size_t i = 0; i < words.size(); ++i) {
    const std::string_view core = text.substr(words[i].core.offset, words[i].core.length);
    const std::string lowered = lower_ascii(core);
    common[i] = is_common_word(lowered);
    plain[i] = core.size() >= 3 && std::all_of(core.begin(), core.end(), is_lower_ascii);
    unknown[i] = plain[i] && !speller.knows(lowered) && !speller.knows_historical(lowered);
  }
  std::vector<signed char> repairable(words.size(), -1);  // computed when first needed
  for (size_t first = 0; first + kForeignWindow <= words.size(); ++first) {
    const size_t last = first + kForeignWindow;
    size_t n_common = 0, n_unknown = 0, n_plain = 0;
    for (size_t i = first; i < last; ++i) {
      n_common += common[i];
      n_unknown += unknown[i];
      n_plain += plain[i];
    }
    if (n_common > 1 || n_unknown < 3 || n_unknown * 2 < n_plain) continue;
    // A scanner's marks beside the run (a capital or digit inside a word, a stray sign) show
    // a badly scanned English line ("ihsL ujnni itrew.M"), not a quotation.
    const size_t around_first = first > 2 ? first - 2 : 0;
    const size_t around_last = std::min(words.size(), last + 2);
    bool scanned = false;
    for (size_t i = around_first; i < around_last && !scanned; ++i) {
      scanned = has_scanner_marks(text.substr(words[i].core.offset, words[i].core.length));
    }
    if (scanned) continue;
    size_t n_inflected = 0;
    for (size_t i = first; i < last; ++i) {
      n_inflected +=
          unknown[i] && has_latin_ending(text.substr(words[i].core.offset, words[i].core.length));
    }
    if (n_inflected * 3 < n_unknown * 2) continue;
    size_t n_repairable = 0;
    for (size_t i = first; i < last; ++i) {
      if (!unknown[i]) continue;
      if (repairable[i] < 0) {
        size_t tried = 0;
        const std::string core(text.substr(words[i].core.offset, words[i].core.length));
        const auto found = repairs(core, false, speller, tried);
        repairable[i] = !found.empty() && found.front().edits == 1;
      }
      n_repairable += repairable[i];
    }
    if (n_repairable * 3 > n_unknown) continue;
    std::fill(foreign.begin() + first, foreign.begin() + last, true);
  }
}

// One run of neighbouring misread words as one error, with a fix when every word has a repair.
OcrError merge_run(std::string_view text, const std::vector<Noise>& group) {
  auto fixed = [](const Noise& n) { return n.fix_span.length > 0 ? n.fix_span : n.span; };
  OcrError e;
  e.span = {group.front().span.offset, group.back().span.end() - group.front().span.offset};
  const Span whole = {group.front().span.offset,
                      fixed(group.back()).end() - group.front().span.offset};
  if (whole.end() != e.span.end()) e.fix_span = whole;
  std::string repaired(text.substr(whole.offset, whole.length));
  bool complete = true;
  for (auto it = group.rbegin(); it != group.rend(); ++it) {
    e.weight = std::max(e.weight, it->weight);
    if (it->replacement.empty()) {
      complete = false;
      continue;
    }
    repaired.replace(fixed(*it).offset - whole.offset, fixed(*it).length, it->replacement);
  }
  if (complete) e.replacement = repaired;
  if (group.size() == 1) {
    e.message = group.front().message;
  } else {
    e.message = "“" + quote_excerpt(text.substr(whole.offset, whole.length)) +
                "” looks like OCR noise: " + std::to_string(group.size()) + " scanning errors" +
                (complete ? "; it should read “" + quote_excerpt(repaired) + "”." : ".");
  }
  return e;
}

constexpr size_t kNoiseReach = 30;  // words within which an unconfirmed error needs company

// Sentence starts and sentences in another language, by word index.
void mark_sentences(const Document& doc, const Block& block, const std::vector<Word>& words,
                    Speller& speller, std::vector<bool>& starts, std::vector<bool>& foreign) {
  const std::string_view prose = doc.prose();
  starts.assign(words.size(), false);
  foreign.assign(words.size(), false);
  struct Range {
    size_t first, last;
    int evidence;
  };
  std::vector<Range> sentences;
  size_t w = 0;
  for (const Sentence* s = doc.block_sentences_begin(block); s != doc.block_sentences_end(block);
       ++s) {
    while (w < words.size() && words[w].chunk.end() <= s->span.offset) ++w;
    const size_t first = w;
    size_t last = w;
    while (last < words.size() && words[last].chunk.offset < s->span.end()) ++last;
    if (first < words.size()) starts[first] = true;
    const std::vector<Word> sentence(words.begin() + first, words.begin() + last);
    sentences.push_back({first, last, foreign_sentence_evidence(prose, sentence, speller)});
    w = last;
  }
  for (size_t k = 0; k < sentences.size(); ++k) {
    const bool beside_foreign = (k > 0 && sentences[k - 1].evidence == 2) ||
                                (k + 1 < sentences.size() && sentences[k + 1].evidence == 2);
    if (sentences[k].evidence == 2 || (sentences[k].evidence == 1 && beside_foreign)) {
      std::fill(foreign.begin() + sentences[k].first, foreign.begin() + sentences[k].last, true);
    }
  }
  mark_foreign_runs(prose, words, speller, foreign);
}

// Addresses and markup: never garble, whatever their letters.
bool is_address_or_markup(std::string_view chunk) {
  return chunk.find('@') != std::string_view::npos || chunk.find("://") != std::string_view::npos ||
         chunk.find("www.") != std::string_view::npos ||
         chunk.find('_') != std::string_view::npos || chunk.find('/') != std::string_view::npos ||
         chunk.find('&') != std::string_view::npos ||
         chunk.find_first_of("[]{}<>=") != std::string_view::npos;  // wikitext, HTML, rST
}

OcrParagraph judge_block(const Document& doc, const Block& block, Speller& speller) {
  const std::string_view prose = doc.prose();
  OcrParagraph paragraph;
  paragraph.span = block.span;
  const std::string_view body = prose.substr(block.span.offset, block.span.length);
  // Raw wikitext is markup throughout: piped links glue words with "|" and no scanner did it.
  if (body.find("[[") != std::string_view::npos || body.find("{{") != std::string_view::npos ||
      body.find("<ref") != std::string_view::npos) {
    return paragraph;
  }
  const auto words = split_words(prose, block.span);
  std::vector<bool> starts, foreign;
  mark_sentences(doc, block, words, speller, starts, foreign);
  // Two accented common words ("thé", "ànd") show a scanner that accents English; one could be
  // a quotation.
  size_t accented_english = 0;
  for (size_t i = 0; i < words.size() && accented_english < 2; ++i) {
    accented_english +=
        !foreign[i] &&
        is_accented_english(prose.substr(words[i].core.offset, words[i].core.length), speller);
  }
  const bool accents_are_noise = accented_english >= 2;
  const bool verse = is_line_structured(doc, block);
  std::vector<Noise> noise;
  for (size_t i = 0; i < words.size(); ++i) {
    const Word& w = words[i];
    if (w.core.length == 0) continue;
    ++paragraph.words;
    if (foreign[i]) continue;
    const std::string_view chunk = prose.substr(w.chunk.offset, w.chunk.length);
    if (is_address_or_markup(chunk)) continue;
    // A ligature is no letter to the word splitter: "ﬁnd" would be judged as "nd", and the
    // rest of a word it splits at a line end ("eﬀec- tive") as a word of its own.
    if (chunk.find("\xEF\xAC") != std::string_view::npos) {
      if (ends_with_line_hyphen(prose, w)) ++i;
      continue;
    }
    Noise n;
    n.word = i;
    // Reports the word's core with a repair (or none) and how strong the evidence is.
    auto flag_core = [&](int weight, std::string replacement, std::string message) {
      n.span = w.core;
      n.weight = weight;
      n.replacement = std::move(replacement);
      n.message = std::move(message);
      noise.push_back(n);
    };
    if (speller.available() && i + 1 < words.size() && !foreign[i + 1]) {
      if (judge_hyphenation(prose, w, words[i + 1], speller, n) ||
          judge_split(prose, w, words[i + 1], speller, n)) {
        if (!n.message.empty()) noise.push_back(n);
        ++i;
        continue;
      }
    }
    const std::string_view core = prose.substr(w.core.offset, w.core.length);
    if (ends_with_line_hyphen(prose, w)) continue;  // a fragment
    if (is_elision(prose, w)) continue;
    if (speller.available() && chunk == core) {
      if (const auto misread = misread_real_word(prose, words, i, verse)) {
        n.span = w.core;
        set_message(n, core, *misread);
        noise.push_back(n);
        continue;
      }
    }
    // "knives, razors, Ac.": the "&" of "&c." read as an "A", closing a list.
    if (core == "Ac" && chunk.size() > 2 && chunk[2] == '.' && i > 0 &&
        prose[words[i - 1].chunk.end() - 1] == ',') {
      flag_core(3, "&c", "“Ac.” looks like an OCR misreading of “&c.” (et cetera) closing a list.");
      continue;
    }
    if (core == "Is" && is_misread_shilling(prose, words, i)) {
      flag_core(3, "1s", "“Is” looks like an OCR misreading of “1s” (one shilling) in a price.");
      continue;
    }
    if (core == "1" && chunk == core && is_first_person_one(prose, words, i)) {
      flag_core(3, "I",
                "A lone “1” before “" + std::string(next_word_text(prose, words, i)) +
                    "” looks like an OCR misreading of “I”.");
      continue;
    }
    if (core == "1" && chunk == core && is_misread_one(prose, words, i)) {
      flag_core(2, "", "A lone “1” between words looks like an OCR misreading of “I” or “!”.");
      continue;
    }
    // A word broken by a hyphen the printer kept ("Gen-tleman") is judged whole.
    if (speller.available() && core.find('-') != std::string_view::npos) {
      std::string joined(core);
      joined.erase(std::remove(joined.begin(), joined.end(), '-'), joined.end());
      if (speller.knows(joined) || speller.knows_historical(lower_ascii(joined))) continue;
    }
    // Hyphenated words are judged part by part ("self-identified", "to-day").
    size_t part_begin = 0;
    for (size_t k = 0; k <= core.size(); ++k) {
      if (k < core.size() && core[k] != '-') continue;
      std::string_view part = core.substr(part_begin, k - part_begin);
      // "first,-on", "24s.-Dr.": stops around a part are not in the word.
      constexpr std::string_view kStops = ".,;:!?";
      size_t lead = 0;
      while (lead < part.size() && kStops.find(part[lead]) != std::string_view::npos) ++lead;
      part.remove_prefix(lead);
      while (!part.empty() && kStops.find(part.back()) != std::string_view::npos) {
        part.remove_suffix(1);
      }
      Noise p;
      p.word = i;
      p.span = {w.core.offset + part_begin + lead, part.size()};
      if (speller.available()) {
        if (judge_part(part, starts[i] && part_begin == 0, accents_are_noise, speller, p)) {
          noise.push_back(p);
        }
      } else if (lower_ascii(part) == part && !has_non_ascii_letter(part)) {
        // Without a dictionary only junk characters and impossible letter runs are judged.
        const std::string reason = junk_reason(part);
        if (!reason.empty()) {
          p.message = "“" + quote_excerpt(part) + "” looks like OCR noise: " + reason + ".";
          p.weight = 2;
          noise.push_back(p);
        }
      }
      part_begin = k + 1;
    }
  }
  // Errors without a repair count only near other noise, and an unknown word only near wrong
  // characters or a repair: a run of unknown words alone is more often a transliterated title
  // ("O golode", "sobranie sochinenii") than a scan. Then neighbours merge into one error.
  std::vector<Noise> kept;
  for (size_t k = 0, before = 0, after = 0; k < noise.size(); ++k) {
    while (noise[k].word - noise[before].word > kNoiseReach) ++before;
    after = std::max(after, k + 1);
    while (after < noise.size() && noise[after].word - noise[k].word <= kNoiseReach) ++after;
    int strongest = 0;  // the strongest other error within reach
    for (size_t j = before; j < after; ++j) {
      if (j != k) strongest = std::max(strongest, noise[j].weight);
    }
    const bool company = noise[k].weight >= 3 || noise[k].span.length > 40 ||
                         (noise[k].weight >= 2 && strongest >= 1) || strongest >= 2;
    if (company) kept.push_back(noise[k]);
  }
  paragraph.unreadable = kept.size();
  for (size_t k = 0; k < kept.size();) {
    size_t j = k + 1;
    while (j < kept.size() && kept[j].word <= kept[j - 1].word + 1) ++j;
    paragraph.errors.push_back(
        merge_run(prose, std::vector<Noise>(kept.begin() + k, kept.begin() + j)));
    k = j;
  }
  return paragraph;
}

}  // namespace

std::vector<std::string> ocr_repairs(const std::string& token, const Dictionary& dict,
                                     size_t& tried) {
  Speller speller(dict);
  tried = 0;
  std::vector<std::string> words;
  for (const auto& c : repairs(token, false, speller, tried)) words.push_back(c.word);
  return words;
}

std::vector<OcrParagraph> detect_ocr_errors(const Document& doc, const Dictionary& dict) {
  Speller speller(dict);
  std::vector<OcrParagraph> paragraphs;
  for (const Block& block : doc.blocks()) {
    if (block.is_prose()) paragraphs.push_back(judge_block(doc, block, speller));
  }
  return paragraphs;
}

namespace {

void shift(OcrParagraph& paragraph, size_t from, size_t to) {
  paragraph.span.offset = paragraph.span.offset - from + to;
  for (auto& e : paragraph.errors) {
    e.span.offset = e.span.offset - from + to;
    if (e.fix_span.length > 0) e.fix_span.offset = e.fix_span.offset - from + to;
  }
}

}  // namespace

OcrBlockFacts OcrBlockFacts::extract_block(const Analysis& analysis, const Block& block) {
  Speller speller(Dictionary::shared());
  OcrBlockFacts facts{judge_block(analysis.doc(), block, speller)};
  shift(facts.paragraph, block.span.offset, 0);
  return facts;
}

OcrFacts OcrFacts::extract(const Analysis& analysis) {
  OcrFacts facts;
  for (const Block& block : analysis.doc().blocks()) {
    if (!block.is_prose()) continue;
    facts.paragraphs.push_back(analysis.block_facts<OcrBlockFacts>(block)->paragraph);
    shift(facts.paragraphs.back(), 0, block.span.offset);
  }
  return facts;
}

namespace {

void report(const std::vector<OcrParagraph>& paragraphs, std::vector<Finding>& out) {
  for (const auto& paragraph : paragraphs) {
    for (const auto& e : paragraph.errors) {
      Finding f;
      f.severity = Severity::Information;
      f.span = e.span;
      f.message = e.message;
      if (!e.replacement.empty()) {
        Fix fix;
        fix.title = "Replace with “" + quote_excerpt(e.replacement) + "”";
        fix.edits.push_back({e.fix_span.length > 0 ? e.fix_span : e.span, e.replacement});
        f.fixes.push_back(std::move(fix));
      }
      out.push_back(std::move(f));
    }
  }
}

void check_ocr_noise(const Analysis& analysis, std::vector<Finding>& out) {
  report(analysis.facts<OcrFacts>().paragraphs, out);
}

}  // namespace

void find_ocr_noise(const Document& doc, const Dictionary& dict, std::vector<Finding>& out) {
  report(detect_ocr_errors(doc, dict), out);
}

RuleDef ocr_noise_rule() {
  RuleDef rule;
  rule.info.id = "garble/ocr-noise";
  rule.info.summary = "Scanner misreadings, split words and junk tokens, word by word";
  rule.info.explanation =
      "Flags OCR errors: words no dictionary knows that become a word when a classic scanner "
      "confusion is undone (\"tbe\" and \"tlie\" for \"the\", \"rn\" for \"m\", \"ii\" for \"n\", "
      "\"c\" for \"e\", \"1\" for \"l\", \"0\" for \"o\", a long s read as \"f\"), words split by "
      "line-end hyphenation (\"revo- lution\"), and, when other noise is near, junk tokens "
      "(stray \"|\" or \"^\" inside a word, no vowel, four identical letters) and words no "
      "dictionary knows, past or present. Dictionary words a scanner makes of common ones are "
      "judged "
      "by their neighbours (\"tho\" before a noun, \"ail\" for \"all\", \"bis\" for "
      "\"his\", \"bad been\"), and so are apostrophes read for a letter or a space "
      "(\"brother'a\", \"on'the\"). Early-modern spellings (\"hee\", \"bloud\", "
      "\"vpon\") are words, and so are quotations in Latin or another language. Capitalised names, "
      "acronyms, roman numerals, accented and non-English "
      "words, and sentences in another language are judged only on wrong characters. The code "
      "action replaces the token with the repaired word when one repair clearly wins. Findings "
      "are informational; garble/ocr-paragraph warns about paragraphs too garbled to read.";
  rule.info.example = "Tbe Bolsheviks tlien seized power in Petrograd; tbe revo- lution spread.";
  rule.info.default_severity = Severity::Information;
  rule.info.scope = RuleScope::Paragraph;  // each block is judged on its own words
  rule.check = check_ocr_noise;
  return rule;
}

}  // namespace histlint::garble
