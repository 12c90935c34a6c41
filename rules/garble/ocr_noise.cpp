// garble/ocr-noise: scanner misreadings ("tbe", "tlie", "rnay", "wor1d"), words split by line-end
// hyphenation ("revo- lution") and junk tokens ("w|th", "tkrndl").
//
// A token is only suspect when no dictionary knows it and it is lowercase: names, acronyms,
// foreign words (non-ASCII letters, or a sentence in another language) and roman numerals are
// left alone. A misreading is reported when undoing one or two classic OCR confusions gives a
// dictionary word; junk without such a repair is reported only beside other noise.
#include "rules/garble/ocr_noise.h"

#include <algorithm>
#include <string>
#include <unordered_map>
#include <vector>

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
    {"rn", "m"}, {"li", "h"}, {"b", "h"},        {"c", "e"},       {"ii", "n"}, {"ii", "u"},
    {"ii", "h"}, {"in", "m"}, {"ni", "m"},       {"iu", "m"},      {"cl", "d"}, {"vv", "w"},
    {"ri", "n"}, {"u", "n"},  {"n", "u"},        {"e", "c"},       {"h", "b"},  {"m", "rn"},
    {"f", "s"},  {"1", "l"},  {"1", "i"},        {"0", "o"},       {"5", "s"},  {"I", "l"},
    {"|", "l"},  {"|", "i"},  {"\xC2\xA6", "l"}, {"\xC2\xA1", "i"}};

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

// Function words of German, French, Spanish, Italian and Latin that English lacks: two in one
// sentence mark a quotation in another language, whose words no English dictionary knows.
bool is_foreign_function_word(std::string_view w) {
  static constexpr std::string_view kWords[] = {
      "und", "der",  "das",  "ist",  "nicht", "ich",   "sie",  "wir",  "ein",  "eine", "mit",
      "auf", "sich", "dem",  "den",  "des",   "les",   "une",  "est",  "dans", "pour", "qui",
      "que", "nous", "vous", "avec", "sur",   "pas",   "sont", "aux",  "los",  "las",  "del",
      "por", "con",  "una",  "el",   "es",    "della", "che",  "il",   "gli",  "sono", "et",
      "cum", "sunt", "non",  "ad",   "ab",    "ex",    "nel",  "y",    "da",   "zu",   "im",
      "le",  "la",   "du",   "au",   "ce",    "ne",    "je",   "mais", "oder", "aber", "wie"};
  return std::find(std::begin(kWords), std::end(kWords), w) != std::end(kWords);
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

 private:
  const Dictionary& dict_;
  std::unordered_map<std::string, bool> cache_;
};

struct Candidate {
  std::string word;
  std::string how;  // "“b” for “h”"
  int edits = 0;
};

// Dictionary words reached by undoing one or two confusions, fewest edits first.
std::vector<Candidate> repairs(const std::string& token, bool capital, Speller& speller) {
  std::vector<Candidate> found;
  std::vector<Candidate> frontier{{token, "", 0}};
  for (int depth = 1; depth <= (token.size() >= 5 ? 2 : 1) && found.empty(); ++depth) {
    std::vector<Candidate> next;
    for (const auto& base : frontier) {
      for (const auto& c : kConfusions) {
        for (size_t at = base.word.find(c.seen); at != std::string::npos;
             at = base.word.find(c.seen, at + 1)) {
          std::string word = base.word;
          word.replace(at, c.seen.size(), c.meant);
          std::string how = base.how.empty() ? "" : base.how + ", ";
          how += "“" + std::string(c.seen) + "” for “" + std::string(c.meant) + "”";
          next.push_back({word, how, depth});
          const bool plain = std::all_of(word.begin(), word.end(), [](char ch) {
            return is_lower_ascii(ch) || ch == '\'' || static_cast<unsigned char>(ch) >= 0x80;
          });
          if (!plain || word.size() < 2) continue;
          if (word.size() == 2 && !is_common_word(word)) continue;
          if (capital && !is_common_word(word)) continue;
          if (std::any_of(found.begin(), found.end(),
                          [&](const Candidate& f) { return f.word == word; })) {
            continue;
          }
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

// Characters that never sit between the letters of a printed word.
bool is_junk_char(char32_t c) {
  return c == '|' || c == '^' || c == '~' || c == '\\' || c == '{' || c == '}' || c == 0xA6 ||
         c == 0xAC || c == 0xA4 || c == 0x25A0 || c == 0x25A1 || c == 0xA1 || c == 0xBF;
}

struct Noise {
  Span span;
  std::string message;
  std::string replacement;  // empty: no repair known
  bool confident = false;   // reported even with no other noise nearby
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
  static constexpr std::string_view kUnits[] = {"st",  "nd", "rd", "th", "s",   "d",  "am", "pm",
                                                "km",  "kg", "cm", "mm", "m",   "ft", "lb", "lbs",
                                                "mph", "hp", "bc", "ad", "bce", "ce", "x",  "k"};
  size_t lead = 0;
  while (lead < part.size() && is_digit_ascii(part[lead])) ++lead;
  if (lead == 0) return false;
  const std::string_view rest = part.substr(lead);
  if (!std::all_of(rest.begin(), rest.end(), is_lower_ascii)) return false;
  return rest.empty() || (lead >= 2 && rest.size() <= 3) ||
         std::find(std::begin(kUnits), std::end(kUnits), rest) != std::end(kUnits);
}

// The OCR reading of one word part (no hyphen inside), or nothing.
bool judge_part(std::string_view part, bool sentence_start, Speller& speller, Noise& noise) {
  if (part.size() < 2) return false;
  const std::string token(part);
  const bool has_digit = std::any_of(part.begin(), part.end(), is_digit_ascii);
  if (has_non_ascii_letter(part)) return false;  // accents, Cyrillic: another language
  // Capitals: names and acronyms stay; "Tbe" opening a sentence, "Iike" and "tHe" are judged.
  bool capital = false;
  for (size_t i = 0; i < part.size(); ++i) {
    if (!is_upper_ascii(part[i])) continue;
    if (i == 0 && sentence_start) {
      capital = true;
    } else if (part[i] == 'I' || (i > 0 && is_lower_ascii(part[i - 1]))) {
      continue;  // "Iike", "wiII", "tHe"
    } else {
      return false;
    }
  }
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
  // "aud": a dictionary entry, but in running prose nearly always a scanned "and".
  if (token == "aud") {
    noise.replacement = "and";
    noise.confident = true;
    noise.message = "“aud” looks like an OCR misreading of “and” (“u” for “n”).";
    return true;
  }
  if (is_roman_numeral(lowered) || speller.knows(token)) return false;
  std::vector<Candidate> found;
  const bool mixed = lowered != token && !capital;
  std::string l_for_i = token;  // "wiII", "Iike": a capital I read for l
  for (size_t k = 0; k < l_for_i.size(); ++k) {
    if (l_for_i[k] == 'I') l_for_i[k] = 'l';
  }
  if (mixed && l_for_i != token && lower_ascii(l_for_i) == l_for_i && speller.knows(l_for_i)) {
    found.push_back({l_for_i, "“I” for “l”", 1});
  } else if (token[0] == 'I') {
    return false;  // "Iulii", "Ivanovich": a name unless it reads as a word with l for I
  } else if (mixed && speller.knows(lowered)) {
    found.push_back({lowered, "capitals inside the word", 1});  // "tHe"
  } else {
    std::string probe =
        capital ? std::string(1, static_cast<char>(token[0] - 'A' + 'a')) + token.substr(1) : token;
    found = repairs(probe, capital, speller);
    if (capital) {
      for (auto& c : found) c.word[0] = static_cast<char>(c.word[0] - 'a' + 'A');
    }
  }
  if (!found.empty()) {
    noise.replacement = found.front().word;
    noise.confident = true;
    noise.message = "“" + quote_excerpt(token) + "” looks like an OCR misreading of “" +
                    found.front().word + "” (" + found.front().how + ").";
    return true;
  }
  if (capital || mixed) return false;
  const std::string reason = junk_reason(token);
  if (reason.empty()) return false;
  noise.confident = token.size() > 40;
  noise.message = "“" + quote_excerpt(token) + "” looks like OCR noise: " + reason + ".";
  return true;
}

// "revo- lution", "revo-\nlution": a word split at a line end whose halves are not both words.
bool judge_hyphenation(std::string_view text, const Word& a, const Word& b, Speller& speller,
                       Noise& noise) {
  const std::string_view chunk = text.substr(a.chunk.offset, a.chunk.length);
  if (chunk.size() < 3 || chunk.back() != '-' || a.core.end() + 1 != a.chunk.end()) return false;
  const std::string_view left = text.substr(a.core.offset, a.core.length);
  const std::string_view right = text.substr(b.core.offset, b.core.length);
  if (b.core.offset != b.chunk.offset || left.size() < 2 || right.size() < 2) return false;
  if (!std::all_of(left.begin() + 1, left.end(), is_lower_ascii) ||
      !(is_lower_ascii(left[0]) || is_upper_ascii(left[0])) ||
      !std::all_of(right.begin(), right.end(), is_lower_ascii)) {
    return false;
  }
  // "pre- and post-war": a suspended hyphen.
  if (right == "and" || right == "or" || right == "to" || right == "nor" || right == "but") {
    return false;
  }
  const std::string joined = std::string(left) + std::string(right);
  if (!speller.knows(joined)) return false;
  if (speller.knows(std::string(left)) && speller.knows(std::string(right))) return false;
  noise.span = {a.core.offset, b.core.end() - a.core.offset};
  noise.replacement = joined;
  noise.confident = true;
  noise.message = "“" + quote_excerpt(text.substr(noise.span.offset, noise.span.length)) +
                  "” is a word split by line-end hyphenation; it should read “" + joined + "”.";
  return true;
}

bool is_foreign_sentence(std::string_view text, const std::vector<Word>& words) {
  size_t foreign = 0, accented = 0;
  for (const Word& w : words) {
    const std::string_view core = text.substr(w.core.offset, w.core.length);
    if (is_foreign_function_word(lower_ascii(core))) ++foreign;
    if (has_non_ascii_letter(core)) ++accented;
  }
  return foreign >= 2 || (words.size() >= 4 && accented * 4 >= words.size());
}

void report(std::string_view text, const std::vector<Noise>& group, std::vector<Finding>& out) {
  Finding f;
  f.severity = Severity::Warning;
  f.span = {group.front().span.offset, group.back().span.end() - group.front().span.offset};
  Fix fix;
  std::string repaired(text.substr(f.span.offset, f.span.length));
  bool complete = true;
  for (auto it = group.rbegin(); it != group.rend(); ++it) {
    if (it->replacement.empty()) {
      complete = false;
      continue;
    }
    repaired.replace(it->span.offset - f.span.offset, it->span.length, it->replacement);
    fix.edits.push_back({it->span, it->replacement});
  }
  if (group.size() == 1) {
    f.message = group.front().message;
  } else {
    f.message = "“" + quote_excerpt(text.substr(f.span.offset, f.span.length)) +
                "” looks like OCR noise: " + std::to_string(group.size()) + " scanning errors" +
                (complete ? "; it should read “" + quote_excerpt(repaired) + "”." : ".");
  }
  if (!fix.edits.empty()) {
    std::reverse(fix.edits.begin(), fix.edits.end());
    fix.title = "Replace with “" + quote_excerpt(repaired) + "”";
    f.fixes.push_back(std::move(fix));
  }
  out.push_back(std::move(f));
}

constexpr size_t kNoiseReach = 30;  // words within which junk needs company

}  // namespace

void find_ocr_noise(const Document& doc, const Dictionary& dict, std::vector<Finding>& out) {
  const std::string_view prose = doc.prose();
  Speller speller(dict);
  for (const Block& block : doc.blocks()) {
    if (!block.is_prose()) continue;
    const auto words = split_words(prose, block.span);
    std::vector<Noise> noise;
    // Sentence starts and foreign sentences, by word index.
    std::vector<bool> starts(words.size(), false), foreign(words.size(), false);
    {
      size_t w = 0;
      for (const Sentence* s = doc.block_sentences_begin(block);
           s != doc.block_sentences_end(block); ++s) {
        while (w < words.size() && words[w].chunk.end() <= s->span.offset) ++w;
        const size_t first = w;
        size_t last = w;
        while (last < words.size() && words[last].chunk.offset < s->span.end()) ++last;
        if (first < words.size()) starts[first] = true;
        const std::vector<Word> sentence(words.begin() + first, words.begin() + last);
        if (is_foreign_sentence(prose, sentence)) {
          std::fill(foreign.begin() + first, foreign.begin() + last, true);
        }
        w = last;
      }
    }
    for (size_t i = 0; i < words.size(); ++i) {
      if (foreign[i]) continue;
      const Word& w = words[i];
      const std::string_view chunk = prose.substr(w.chunk.offset, w.chunk.length);
      if (chunk.find('@') != std::string_view::npos ||
          chunk.find("://") != std::string_view::npos ||
          chunk.find("www.") != std::string_view::npos ||
          chunk.find('_') != std::string_view::npos || chunk.find('/') != std::string_view::npos) {
        continue;
      }
      Noise n;
      n.word = i;
      if (speller.available() && i + 1 < words.size() && !foreign[i + 1] &&
          judge_hyphenation(prose, w, words[i + 1], speller, n)) {
        noise.push_back(n);
        ++i;
        continue;
      }
      if (w.core.length == 0) continue;
      // Hyphenated words are judged part by part ("self-identified", "to-day").
      const std::string_view core = prose.substr(w.core.offset, w.core.length);
      size_t part_begin = 0;
      for (size_t k = 0; k <= core.size(); ++k) {
        if (k < core.size() && core[k] != '-') continue;
        const std::string_view part = core.substr(part_begin, k - part_begin);
        Noise p;
        p.word = i;
        p.span = {w.core.offset + part_begin, part.size()};
        if (speller.available()) {
          if (judge_part(part, starts[i] && part_begin == 0, speller, p)) noise.push_back(p);
        } else if (lower_ascii(part) == part && !has_non_ascii_letter(part)) {
          // Without a dictionary only junk characters and impossible letter runs are judged.
          const std::string reason = junk_reason(part);
          if (!reason.empty()) {
            p.message = "“" + quote_excerpt(part) + "” looks like OCR noise: " + reason + ".";
            p.confident = part.size() > 40;
            noise.push_back(p);
          }
        }
        part_begin = k + 1;
      }
    }
    // Junk counts only near other noise; then neighbouring words merge into one finding.
    std::vector<Noise> kept;
    for (size_t k = 0; k < noise.size(); ++k) {
      const bool company =
          noise[k].confident || (k > 0 && noise[k].word - noise[k - 1].word <= kNoiseReach) ||
          (k + 1 < noise.size() && noise[k + 1].word - noise[k].word <= kNoiseReach);
      if (company) kept.push_back(noise[k]);
    }
    for (size_t k = 0; k < kept.size();) {
      size_t j = k + 1;
      while (j < kept.size() && kept[j].word <= kept[j - 1].word + 1) ++j;
      report(prose, std::vector<Noise>(kept.begin() + k, kept.begin() + j), out);
      k = j;
    }
  }
}

namespace {

void check_ocr_noise(const Analysis& analysis, std::vector<Finding>& out) {
  find_ocr_noise(analysis.doc(), Dictionary::shared(), out);
}

}  // namespace

RuleDef ocr_noise_rule() {
  RuleDef rule;
  rule.info.id = "garble/ocr-noise";
  rule.info.summary = "Scanner misreadings, split words and junk tokens";
  rule.info.explanation =
      "Flags OCR errors: words no dictionary knows that become a word when a classic scanner "
      "confusion is undone (\"tbe\" and \"tlie\" for \"the\", \"rn\" for \"m\", \"ii\" for \"n\", "
      "\"c\" for \"e\", \"1\" for \"l\", \"0\" for \"o\", a long s read as \"f\"), words split by "
      "line-end hyphenation (\"revo- lution\"), and junk tokens (stray \"|\" or \"^\" inside a "
      "word, no vowel, four identical letters) when other noise is near. Capitalised names, "
      "acronyms, roman numerals, accented and non-English words, and sentences in another "
      "language are never judged. The code action replaces the token with the repaired word.";
  rule.info.example = "Tbe Bolsheviks tlien seized power in Petrograd; tbe revo- lution spread.";
  rule.info.default_severity = Severity::Warning;
  rule.info.scope = RuleScope::Paragraph;  // each block is judged on its own words
  rule.check = check_ocr_noise;
  return rule;
}

}  // namespace histlint::garble
