// Sentence boundaries that survive abbreviations, initials, decimals, ellipses and quotes.
#include <algorithm>
#include <array>
#include <cctype>

#include "rules/text/segmentation.h"
#include "rules/text/utf8.h"

namespace histlint::segmentation {

namespace {

// Abbreviations that never end a sentence before a capital ("Mr. Smith", "St. Petersburg").
constexpr std::array<std::string_view, 40> kTitleAbbreviations = {
    "mr",  "mrs",  "ms",  "dr",    "prof", "st",   "sr",  "jr",    "rev",  "gen",
    "col", "capt", "lt",  "sgt",   "gov",  "sen",  "rep", "hon",   "pres", "messrs",
    "mme", "mlle", "fr",  "mt",    "ft",   "cf",   "viz", "vs",    "ca",   "approx",
    "al",  "ed",   "eds", "trans", "comp", "repr", "esp", "lieut", "adm",  "maj"};

// Abbreviations that do not end a sentence before a number ("p. 20", "vol. 1", "Oct. 1917").
constexpr std::array<std::string_view, 36> kNumberAbbreviations = {
    "p",    "pp",  "vol", "vols", "no",  "nos", "ch",  "chap", "fig", "figs", "art", "sec",
    "para", "n",   "nn",  "c",    "b",   "d",   "fl",  "r",    "pt",  "pts",  "bk",  "l",
    "ll",   "jan", "feb", "mar",  "apr", "jun", "jul", "aug",  "sep", "sept", "oct", "nov"};

bool in_list(std::string_view word, const auto& list) {
  std::string lower;
  for (char c : word) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return std::find(list.begin(), list.end(), lower) != list.end() || lower == "dec";
}

// The word just before a period at `dot`: letters and inner periods back to white space.
std::string_view word_before(std::string_view s, size_t begin, size_t dot) {
  size_t i = dot;
  while (i > begin) {
    size_t len = 0;
    const char32_t c = utf8::decode_before(s, i, len);
    if (!(utf8::is_letter(c) || utf8::is_digit(c) || c == '.' || c == '-')) break;
    i -= len;
  }
  return s.substr(i, dot - i);
}

bool is_initial(std::string_view word) {
  size_t len = 0;
  if (word.empty()) return false;
  const char32_t c = utf8::decode(word, 0, len);
  return len == word.size() && utf8::is_upper(c);
}

class SentenceSplitter {
 public:
  SentenceSplitter(std::string_view prose, uint32_t block, std::vector<Sentence>& out)
      : s_(prose), block_(block), out_(out) {}

  void split(size_t begin, size_t end) {
    size_t start = begin;
    size_t pos = begin;
    while (pos < end) {
      size_t len = 0;
      const char32_t c = utf8::decode(s_, pos, len);
      if (!(c == '.' || c == '!' || c == '?' || c == 0x2026)) {
        pos += len;
        continue;
      }
      // The run of terminal punctuation ("...", "?!", "…") and any closing quotes after it.
      const size_t run_begin = pos;
      size_t dots = 0;
      while (pos < end) {
        const char32_t t = utf8::decode(s_, pos, len);
        if (!(t == '.' || t == '!' || t == '?' || t == 0x2026)) break;
        dots += (t == '.');
        pos += len;
      }
      const size_t run_end = pos;
      while (pos < end && utf8::is_closing_punct(utf8::decode(s_, pos, len))) pos += len;
      const size_t close_end = pos;
      if (close_end >= end) break;
      const char32_t next = utf8::decode(s_, close_end, len);
      const bool single_dot = dots == 1 && run_end - run_begin == 1;
      if (utf8::is_space(next)) {
        size_t n = close_end;
        while (n < end && utf8::is_space(utf8::decode(s_, n, len))) n += len;
        if (n >= end) break;
        if (ends_sentence(start, run_begin, single_dot, utf8::decode(s_, n, len))) {
          emit(start, close_end);
          start = n;
        }
        pos = n;
      } else if (single_dot && close_end == run_end && is_glued_sentence(start, run_begin)) {
        emit(start, run_end);  // "…Leon Trotsky.Trotsky self-identified…"
        start = run_end;
      }
    }
    emit(start, end);
  }

 private:
  bool ends_sentence(size_t start, size_t punct, bool single_dot, char32_t next) const {
    const char32_t last = s_[punct];
    if (!single_dot) {
      // "“Who?” he asked" goes on; a run of dots before lowercase is a cut ("living with.. who").
      return !utf8::is_lower(next) || last == '.';
    }
    const std::string_view word = word_before(s_, start, punct);
    if (is_initial(word)) return false;                          // "E. H. Carr"
    if (word.find('.') != std::string_view::npos) return false;  // "O.S.", "e.g."
    if (in_list(word, kTitleAbbreviations)) return false;        // "St. Petersburg", "cf. the"
    if (in_list(word, kNumberAbbreviations)) return !utf8::is_lower(next) && !utf8::is_digit(next);
    // After an ordinary word a period ends the sentence even before lowercase: in prose that only
    // happens where text was cut and glued, which later rules need to see.
    return word.size() >= 2 || !utf8::is_lower(next);
  }

  bool is_glued_sentence(size_t start, size_t dot) const {
    const std::string_view word = word_before(s_, start, dot);
    if (word.size() < 3 || word.find('.') != std::string_view::npos) return false;
    size_t len = 0;
    const char32_t before = utf8::decode_before(s_, dot, len);
    if (!utf8::is_lower(before) && !utf8::is_digit(before)) return false;  // "1929.Here"
    const char32_t upper = utf8::decode(s_, dot + 1, len);
    if (!utf8::is_upper(upper) || dot + 1 + len >= s_.size()) return false;
    size_t len2 = 0;
    return utf8::is_lower(utf8::decode(s_, dot + 1 + len, len2));
  }

  void emit(size_t begin, size_t end) {
    size_t len = 0;
    while (begin < end && utf8::is_space(utf8::decode(s_, begin, len))) begin += len;
    while (end > begin && utf8::is_space(utf8::decode_before(s_, end, len))) end -= len;
    if (end > begin) out_.push_back({{begin, end - begin}, block_});
  }

  std::string_view s_;
  uint32_t block_;
  std::vector<Sentence>& out_;
};

}  // namespace

void split_sentences(std::string_view text, std::string_view prose, const Block& block,
                     uint32_t block_index, std::vector<Sentence>& sentences) {
  SentenceSplitter splitter(prose, block_index, sentences);
  if (block.kind != BlockKind::TableRow) {
    splitter.split(block.span.offset, block.span.end());
    return;
  }
  // Each table cell is its own unit: split at the row's unescaped pipes.
  size_t cell = block.span.offset;
  for (size_t i = block.span.offset; i <= block.span.end(); ++i) {
    if (i == block.span.end() || (text[i] == '|' && (i == 0 || text[i - 1] != '\\'))) {
      splitter.split(cell, i);
      cell = i + 1;
    }
  }
}

}  // namespace histlint::segmentation
