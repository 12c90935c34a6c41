// garble/spun-text: SEO-spun or machine-mashed "fragment salad" — sentences cut mid-clause and
// glued together, dangling function words, spaced punctuation, recycled phrases.
//
// Each sentence of running prose gets a score from weak signals; a sliding window of sentences is
// flagged when several of its sentences carry evidence, and flagged sentences close to each other
// merge into one diagnostic per garbled run. One real but unusual sentence never suffices.
#include <algorithm>
#include <cctype>
#include <cstdint>
#include <string>
#include <vector>

#include "rules/garble/ocr_noise.h"
#include "rules/garble/rules.h"
#include "rules/garble/signals.h"
#include "rules/text/utf8.h"

namespace histlint::garble {

namespace {

constexpr size_t kWindow = 6;              // sentences per window
constexpr size_t kMinBadInWindow = 3;      // sentences with their own evidence in a flagged window
constexpr double kBadSentence = 1.0;       // score that makes a sentence carry evidence
constexpr double kDefaultThreshold = 5.0;  // total score of a flagged window
constexpr double kScannedShare = 0.015;    // misread words per word in a scanned paragraph
constexpr size_t kMaxGap = 3;              // clean-looking sentences bridged inside one garbled run
constexpr size_t kMaxBridge = 8;          // sentences of any kind between two flagged ones in a run
constexpr size_t kPhraseWords = 6;        // length of a phrase whose repetition counts
constexpr size_t kMinExclaimedWords = 9;  // words of a statement whose "!" counts as evidence
constexpr size_t kSpacedCommaShare = 4;   // 1 in this many commas spaced: tokenizer spacing

struct Signals {
  double score = 0;
  double repeat_score = 0;  // the part of score that repeated phrases give
  size_t fragments = 0;     // sentences cut off at the start or the end
  size_t repeated = 0;      // phrases already seen earlier in the document
  size_t spacing = 0;       // "Stalin ’ s", "“ trotskyism ”", "( e.g"
  size_t brackets = 0;      // brackets never closed or never opened in the paragraph
  size_t bad_pairs = 0;     // "the of", "and and"
  size_t glued = 0;         // "Trotsky.Trotsky", "religiously7"
  size_t exclamations = 0;  // "… is divided two!"
};

bool has_ascii_capital(std::string_view w) {
  return std::any_of(w.begin(), w.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

char ascii_lower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

// lower_ascii(w) == lower, without making the copy.
bool equals_lowered(std::string_view w, std::string_view lower) {
  return w.size() == lower.size() && std::equal(w.begin(), w.end(), lower.begin(),
                                                [](char a, char b) { return ascii_lower(a) == b; });
}

// is_function_word(lower_ascii(w)), lowering short words on the stack: this runs for every word.
bool is_function_word_any_case(std::string_view w) {
  char lowered[24];
  if (w.size() > sizeof lowered) return is_function_word(lower_ascii(w));
  std::transform(w.begin(), w.end(), lowered, ascii_lower);
  return is_function_word({lowered, w.size()});
}

// Words that never end an English sentence.
bool never_ends_sentence(std::string_view w) {
  static constexpr std::string_view kWords[] = {"a",    "an",   "the",   "and",  "or",
                                                "nor",  "than", "their", "our",  "its",
                                                "your", "my",   "whose", "every"};
  return std::find(std::begin(kWords), std::end(kWords), w) != std::end(kWords);
}

// Prepositions and auxiliaries that end a sentence only in some constructions ("where he came
// from."); as evidence they weigh half.
bool rarely_ends_sentence(std::string_view w) {
  static constexpr std::string_view kWords[] = {"of",  "with", "from", "into",  "to",   "by",
                                                "for", "at",   "in",   "was",   "were", "had",
                                                "has", "been", "who",  "which", "that", "he"};
  return std::find(std::begin(kWords), std::end(kWords), w) != std::end(kWords);
}

bool is_quote_char(char32_t c) {
  return c == '"' || c == 0x201C || c == 0x201D || c == 0x00AB || c == 0x00BB || c == 0x201E;
}

bool contains_quote(std::string_view s) {
  for (size_t pos = 0; pos < s.size();) {
    size_t len = 0;
    if (is_quote_char(utf8::decode(s, pos, len))) return true;
    pos += len;
  }
  return false;
}

bool ends_with_ellipsis(std::string_view s) {
  while (!s.empty() && (s.back() == '"' || s.back() == ')' || s.back() == ' ')) s.remove_suffix(1);
  return (s.size() >= 3 && s.substr(s.size() - 3) == "...") ||
         (s.size() >= 3 && s.substr(s.size() - 3) == "\xE2\x80\xA6") ||
         (s.size() >= 6 && s.substr(s.size() - 6, 3) == "\xE2\x80\xA6");
}

// True when the sentence after `s` may go on with it: `s` ends with an ellipsis, or with a sum or
// a year and a full stop that a small letter shows was no sentence end ("a surplus of £12,596. so
// that …", "in 1894. as the …").
bool may_run_on(std::string_view s) {
  if (ends_with_ellipsis(s)) return true;
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return s.size() >= 2 && s.back() == '.' && s[s.size() - 2] >= '0' && s[s.size() - 2] <= '9';
}

// True when the text ends in a word of two or more letters all in capitals: a heading or a
// table entry, not a cut clause.
bool ends_in_capitals(std::string_view s) {
  size_t letters = 0;
  while (!s.empty() && std::isalpha(static_cast<unsigned char>(s.back()))) {
    if (!std::isupper(static_cast<unsigned char>(s.back()))) return false;
    s.remove_suffix(1), ++letters;
  }
  return letters >= 2;
}

size_t count_words(const std::vector<Word>& words) {
  return static_cast<size_t>(
      std::count_if(words.begin(), words.end(), [](const Word& w) { return w.core.length > 0; }));
}

// Verse set as running prose starts its lines with capitals mid-sentence: "… the full sunshine
// of noon, And fills us …", "… every star Shall proclaim …". A capitalised function word after a
// comma, or two anywhere past the first word ("I" and the month "May" aside), mark such a
// sentence.
bool reads_as_verse(const std::vector<Word>& words, std::string_view text) {
  size_t capitals = 0;
  for (size_t i = 1; i < words.size(); ++i) {
    const std::string_view core = text.substr(words[i].core.offset, words[i].core.length);
    if (core.size() < 2 || !(core[0] >= 'A' && core[0] <= 'Z') ||
        has_ascii_capital(core.substr(1)) || equals_lowered(core, "may") ||
        !is_function_word_any_case(core)) {
      continue;
    }
    const char before = text[words[i - 1].chunk.end() - 1];
    if (before == ',' || before == ';' || before == ':' || ++capitals >= 2) return true;
  }
  return false;
}

// The cut-off signals at the end of a sentence: "with..", "political,...", "of.", "two!".
void score_ending(std::string_view s, const std::vector<Word>& words, std::string_view text,
                  bool verse, Signals& sig) {
  size_t end = s.size();
  size_t len = 0;
  bool closed = false;
  while (end > 0 && utf8::is_closing_punct(utf8::decode_before(s, end, len))) {
    end -= len;
    closed = true;
  }
  size_t dots = 0, bangs = 0, questions = 0, commas = 0, ellipses = 0;
  const size_t run_end = end;
  while (end > 0) {
    const char32_t c = utf8::decode_before(s, end, len);
    if (c == '.') {
      ++dots;
    } else if (c == '!') {
      ++bangs;
    } else if (c == '?') {
      ++questions;
    } else if (c == ',' || c == ';' || c == ':') {
      ++commas;
    } else if (c == 0x2026) {
      ++ellipses;
    } else {
      break;
    }
    end -= len;
  }
  if (run_end == end) return;  // no terminal punctuation: the end of a block
  const bool terminal = dots || bangs || questions || ellipses;
  if (commas && terminal) {  // "political,...", "head and,."
    sig.fragments++, sig.score += 2;
    return;
  }
  // "living with.."; two dots after a word in capitals lead to a price or a page ("CROOK.. 17").
  if (dots == 2 && !bangs && !questions && !ellipses && !ends_in_capitals(s.substr(0, end))) {
    sig.fragments++, sig.score += 2;
    return;
  }
  if (dots && (bangs || questions)) {  // "societal.!"
    sig.fragments++, sig.score += 2;
    return;
  }
  const bool quoted = contains_quote(s);
  if (words.size() >= 3 && !closed && !questions) {
    const Word& last = words.back();
    const std::string_view core = text.substr(last.core.offset, last.core.length);
    const bool core_ends_chunk = last.core.end() + (run_end - end) == last.chunk.end();
    if (core_ends_chunk && !has_ascii_capital(core)) {
      if (never_ends_sentence(core)) {
        sig.fragments++, sig.score += 2;
      } else if (rarely_ends_sentence(core)) {
        sig.fragments++, sig.score += 1;
      }
    }
  }
  if (dots >= 4) sig.score += 0.5;
  if (quoted) return;
  // A spinner ends a long flat statement with "!"; verse and oratory exclaim in short lines.
  if (bangs == 1 && !dots && !questions && !verse && count_words(words) >= kMinExclaimedWords) {
    sig.exclamations++, sig.score += 0.5;
  } else if ((dots == 3 || ellipses == 1) && !bangs && !questions) {
    sig.fragments++, sig.score += 0.5;  // "… this category Esteban..."
  }
}

// True when the text after `before` may go on with a sentence `before` interrupted: it ends in a
// bracket (an editor's note) or in no closing mark at all.
bool resumes_after(const Document& doc, const Block& before) {
  std::string_view t = doc.prose_slice(before.span);
  while (!t.empty() && (t.back() == ' ' || t.back() == '\n' || t.back() == '\r')) {
    t.remove_suffix(1);
  }
  if (t.empty()) return false;
  const char last = t.back();
  return last == ']' || last == ')' || std::isalpha(static_cast<unsigned char>(last)) ||
         last == ',' || last == ';' || last == ':' || last == '\'';
}

// A sentence starting with a small letter, a fragment unless it continues the one before ("… had
// been stymied. of the working class"); or with "Did" and no question mark.
void score_start(std::string_view s, const std::vector<Word>& words, std::string_view text,
                 bool& lower_start, bool& auxiliary_start) {
  if (words.size() < 3 || words.front().core.length == 0) return;
  const Word& first = words.front();
  const std::string_view core = text.substr(first.core.offset, first.core.length);
  size_t len = 0;
  const char32_t c = utf8::decode(core, 0, len);
  const std::string_view chunk = text.substr(first.chunk.offset, first.chunk.length);
  // "k318 MONEY AND TRADE.": an advertisement's reference code, not a clause cut at its start.
  const bool code =
      std::any_of(core.begin(), core.end(), [](char ch) { return ch >= '0' && ch <= '9'; });
  lower_start = utf8::is_lower(c) && !code && chunk.find('.') == std::string_view::npos &&
                chunk.find("\xE2\x80\xA6") == std::string_view::npos;
  auxiliary_start = (equals_lowered(core, "did") || equals_lowered(core, "does") ||
                     equals_lowered(core, "shall")) &&
                    s.find('?') == std::string_view::npos;
}

bool is_space_byte(char c) {
  return c == ' ' || c == '\t' || c == '\n';
}

// Spaced punctuation left by tokenizers and spinners: "Stalin ’ s", "“ trotskyism ”", "( e.g",
// "Joseph ; date", "Stalin 's ``theory".
void score_spacing(std::string_view s, bool foreign_typography, bool commas_spaced, Signals& sig) {
  double points = 0;
  size_t count = 0;
  auto letter_before = [&](size_t pos) {
    size_t len = 0;
    const char32_t c = utf8::decode_before(s, pos, len);
    return utf8::is_letter(c) || utf8::is_digit(c);
  };
  auto letter_at = [&](size_t pos) {
    if (pos >= s.size()) return false;
    size_t len = 0;
    const char32_t c = utf8::decode(s, pos, len);
    return utf8::is_letter(c) || utf8::is_digit(c);
  };
  for (size_t i = 0; i < s.size(); ++i) {
    const std::string_view rest = s.substr(i);
    if (rest.starts_with("``") || rest.starts_with("''")) {
      ++count, points += 1, ++i;
      continue;
    }
    if (!is_space_byte(s[i]) || i == 0) continue;
    const std::string_view after = s.substr(i + 1);
    if (!letter_before(i)) continue;
    // " ’ s", " ' s", " ’s", " 's" before a space or the end.
    for (std::string_view apostrophe : {"\xE2\x80\x99", "'"}) {
      if (!after.starts_with(apostrophe)) continue;
      std::string_view tail = after.substr(apostrophe.size());
      if (tail.starts_with(" ")) tail.remove_prefix(1);
      if (tail.starts_with("s") && (tail.size() == 1 || !letter_at(s.size() - tail.size() + 1))) {
        ++count, points += 1;
      }
    }
    // A run of dots after a space is an ellipsis or a leader to a figure ("Waddy ...... 4,448").
    if (after.starts_with("\xE2\x80\x9D") || after.starts_with(")") ||
        (after.starts_with(",") && commas_spaced) ||
        (after.starts_with(".") && !after.starts_with(". .") && !after.starts_with(".."))) {
      ++count, points += 1;  // "trotskyism ”", "Comintern )", "word ,"
    } else if ((after.starts_with(";") || after.starts_with(":")) && !foreign_typography) {
      ++count, points += 0.5;
    }
  }
  // Openers followed by a space and a word: "“ trotskyism", "( e.g".
  for (std::string_view opener : {"\xE2\x80\x9C ", "( "}) {
    for (size_t at = s.find(opener); at != std::string_view::npos; at = s.find(opener, at + 1)) {
      if (letter_at(at + opener.size())) ++count, points += 1;
    }
  }
  sig.spacing += count;
  sig.score += std::min(points, 3.0);
}

bool is_determiner(std::string_view w) {
  return equals_lowered(w, "a") || equals_lowered(w, "an") || equals_lowered(w, "the");
}

// Word pairs no grammatical sentence holds: "the of", "a they", "and and".
void score_pairs(const std::vector<Word>& words, std::string_view text, Signals& sig) {
  static constexpr std::string_view kNeverAfterDeterminer[] = {
      "a",  "an",  "the",  "of", "and", "or",    "but", "to",   "was", "were", "is",    "are",
      "he", "she", "they", "we", "his", "their", "our", "them", "him", "its",  "whose", "than"};
  size_t pairs = 0;
  for (size_t i = 0; i + 1 < words.size(); ++i) {
    const Word& a = words[i];
    const Word& b = words[i + 1];
    // Only words with no punctuation between them: "the, of" may be a list.
    if (a.core.length == 0 || b.core.length == 0 || a.core.end() != a.chunk.end() ||
        b.core.offset != b.chunk.offset) {
      continue;
    }
    const std::string_view wa = text.substr(a.core.offset, a.core.length);
    const std::string_view wb = text.substr(b.core.offset, b.core.length);
    if (has_ascii_capital(wb)) continue;  // "the US Trotskyist leader"
    if (is_determiner(wa) &&
        std::find(std::begin(kNeverAfterDeterminer), std::end(kNeverAfterDeterminer), wb) !=
            std::end(kNeverAfterDeterminer)) {
      ++pairs;
    } else if (equals_lowered(wa, wb) && is_function_word(wb) && wb != "that" && wb != "had" &&
               wb != "is" && wb != "do") {
      ++pairs;
    }
  }
  sig.bad_pairs += pairs;
  sig.score += std::min<double>(pairs, 2.0);
}

// "religiously7": a footnote number or page furniture glued to a lowercase word.
void score_glued_digits(const std::vector<Word>& words, std::string_view text, Signals& sig) {
  for (const Word& w : words) {
    const std::string_view core = text.substr(w.core.offset, w.core.length);
    size_t digits = 0;
    while (digits < core.size() && core[core.size() - 1 - digits] >= '0' &&
           core[core.size() - 1 - digits] <= '9') {
      ++digits;
    }
    if (digits == 0 || digits > 2 || core.size() < digits + 4) continue;
    const std::string_view letters = core.substr(0, core.size() - digits);
    if (std::all_of(letters.begin(), letters.end(), [](char c) { return c >= 'a' && c <= 'z'; })) {
      sig.glued++, sig.score += 0.5;
    }
  }
}

// True when a tokenizer spaced the block's commas ("Trotsky , Lenin"): at least one comma in
// kSpacedCommaShare has a space before it. A stray space before a comma here and there is the
// typesetter's or the transcriber's.
bool spaces_commas(std::string_view block) {
  size_t commas = 0, spaced = 0;
  for (size_t i = 0; i < block.size(); ++i) {
    if (block[i] != ',') continue;
    ++commas;
    if (i >= 2 && block[i - 1] == ' ' && std::isalnum(static_cast<unsigned char>(block[i - 2]))) {
      ++spaced;
    }
  }
  return spaced * kSpacedCommaShare >= commas;
}

// A set of 64-bit phrase hashes with open addressing: compact enough for a 10 MB document.
class HashSet {
 public:
  explicit HashSet(size_t expected) {
    size_t capacity = 16;
    while (capacity < 2 * expected) capacity *= 2;
    slots_.assign(capacity, 0);
  }
  // Inserts h; returns false when it was already present.
  bool insert(uint64_t h) {
    if (h == 0) h = 1;  // 0 marks an empty slot
    size_t i = h & (slots_.size() - 1);
    while (slots_[i] != 0) {
      if (slots_[i] == h) return false;
      i = (i + 1) & (slots_.size() - 1);
    }
    slots_[i] = h;
    return true;
  }

 private:
  std::vector<uint64_t> slots_;
};

uint64_t hash_word(std::string_view w) {
  uint64_t h = 1469598103934665603ull;
  for (char c : w) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
  }
  return h;
}

// The phrases of kPhraseWords words of one sentence, in order, as hashes; 0 marks a phrase with
// fewer than two content words, whose repetition does not count.
std::vector<uint64_t> phrase_hashes(const std::vector<Word>& words, std::string_view text) {
  std::vector<uint64_t> hashes;
  std::vector<bool> content;
  for (const Word& w : words) {
    if (w.core.length == 0) continue;
    const std::string_view core = text.substr(w.core.offset, w.core.length);
    hashes.push_back(hash_word(core));
    content.push_back(core.size() >= 4 && !is_function_word_any_case(core));
  }
  std::vector<uint64_t> phrases;
  for (size_t i = 0; i + kPhraseWords <= hashes.size(); ++i) {
    uint64_t h = 0x9E3779B97F4A7C15ull;
    size_t content_words = 0;
    for (size_t k = i; k < i + kPhraseWords; ++k) {
      h = (h ^ hashes[k]) * 0x100000001B3ull + (h >> 29);
      content_words += content[k];
    }
    phrases.push_back(content_words >= 2 ? (h == 0 ? 1 : h) : 0);
  }
  return phrases;
}

// Brackets a paragraph never closes or never opens: spinners cut "( e.g" and "( Comintern".
// `sigs` are the signals of the block's sentences.
void score_brackets(const Document& doc, const Block& block, std::vector<Signals>& sigs) {
  const std::string_view prose = doc.prose();
  std::vector<size_t> open;
  std::vector<size_t> unmatched;
  for (size_t i = block.span.offset; i < block.span.end(); ++i) {
    const char c = prose[i];
    if (c == '(' || c == '[') {
      open.push_back(i);
    } else if (c == ')' || c == ']') {
      const char want = c == ')' ? '(' : '[';
      if (!open.empty() && prose[open.back()] == want) {
        open.pop_back();
        continue;
      }
      // "1)" and "a)" enumerate; they open nothing.
      size_t k = i;
      while (k > block.span.offset && std::isalnum(static_cast<unsigned char>(prose[k - 1]))) --k;
      const bool enumeration =
          i - k >= 1 && i - k <= 3 && (k == block.span.offset || is_space_byte(prose[k - 1]));
      if (!enumeration) unmatched.push_back(i);
    }
  }
  unmatched.insert(unmatched.end(), open.begin(), open.end());
  for (size_t offset : unmatched) {
    const Sentence* s = doc.sentence_at(offset);
    if (!s) continue;
    const size_t k = static_cast<size_t>(s - doc.sentences().data()) - block.first_sentence;
    sigs[k].brackets++;
    sigs[k].score += 1;
  }
}

// What one sentence shows on its own and beside its neighbours in the block. The rest depends on
// other blocks: whether a small first letter continues the previous block, and which phrases the
// document used before.
struct SentenceFacts {
  Signals signals;
  bool lower_start = false;       // a fragment unless the sentence continues the one before
  bool auxiliary_start = false;   // "Did …" without a question mark
  bool continues = false;         // the sentence before in the block may run on into this one
  bool at_block_start = false;    // starts the block, so may resume the block before
  std::vector<uint64_t> phrases;  // phrase_hashes
};

// The spun-text signals of one block of running prose, kept per block across edits: a paragraph
// or block quote not laid out line by line (verse, lists, tables); other blocks have no sentences
// here. Reference sections, which depend on the headings above, are left out by the document step.
struct SpunTextBlockFacts {
  std::vector<SentenceFacts> sentences;

  static SpunTextBlockFacts extract_block(const Analysis& analysis, const Block& block) {
    SpunTextBlockFacts facts;
    const Document& doc = analysis.doc();
    if ((block.kind != BlockKind::Paragraph && block.kind != BlockKind::BlockQuote) ||
        is_line_structured(doc, block)) {
      return facts;
    }
    const std::string_view prose = doc.prose();
    facts.sentences.resize(block.sentence_count);
    std::vector<Signals> sigs(block.sentence_count);
    const bool commas_spaced = spaces_commas(doc.prose_slice(block.span));
    for (uint32_t k = 0; k < block.sentence_count; ++k) {
      const Sentence& sentence = doc.sentences()[block.first_sentence + k];
      const std::string_view s = doc.prose_slice(sentence.span);
      SentenceFacts& out = facts.sentences[k];
      const auto words = split_words(prose, sentence.span);
      // A small letter continues the sentence after an ellipsis or a number's full stop, or after
      // an editor's note or a quoted passage set in its own block ("… walked to Mrs. Turner's
      // [note] to stop her …").
      out.continues =
          k > 0 && may_run_on(doc.prose_slice(doc.sentences()[block.first_sentence + k - 1].span));
      out.at_block_start = sentence.span.offset == block.span.offset;
      score_ending(s, words, prose, reads_as_verse(words, prose), sigs[k]);
      score_start(s, words, prose, out.lower_start, out.auxiliary_start);
      score_spacing(s, has_non_ascii_letter(s), commas_spaced, sigs[k]);
      score_pairs(words, prose, sigs[k]);
      score_glued_digits(words, prose, sigs[k]);
      if (k + 1 < block.sentence_count &&
          doc.sentences()[block.first_sentence + k + 1].span.offset == sentence.span.end()) {
        sigs[k].glued++, sigs[k].score += 0.5;  // "Leon Trotsky.Trotsky self-identified"
      }
      out.phrases = phrase_hashes(words, prose);
    }
    score_brackets(doc, block, sigs);
    for (uint32_t k = 0; k < block.sentence_count; ++k) facts.sentences[k].signals = sigs[k];
    return facts;
  }
};

void check_spun_text(const Analysis& analysis, std::vector<Finding>& out) {
  const Document& doc = analysis.doc();
  const double threshold =
      analysis.options().threshold("garble/spun-text.threshold", kDefaultThreshold);
  // The sentences of running prose, in document order, with their blocks' facts.
  struct Eligible {
    uint32_t sentence;  // index into doc.sentences()
    const SentenceFacts* facts;
  };
  std::vector<Eligible> eligible;
  std::vector<std::shared_ptr<const SpunTextBlockFacts>> kept;
  // A scanned column's broken sentences are the scanner's doing, not a spinner's.
  std::vector<size_t> scanned;
  std::vector<size_t> misread;  // offsets of OCR errors, in document order
  for (const auto& paragraph : analysis.facts<OcrFacts>().paragraphs) {
    if (static_cast<double>(paragraph.unreadable) >=
        kScannedShare * static_cast<double>(paragraph.words)) {
      scanned.push_back(paragraph.span.offset);
    }
    for (const auto& e : paragraph.errors) misread.push_back(e.span.offset);
  }
  size_t phrase_count = 0;
  for (size_t b = 0; b < doc.blocks().size(); ++b) {
    const Block& block = doc.blocks()[b];
    if (block.in_reference_section ||
        (block.kind != BlockKind::Paragraph && block.kind != BlockKind::BlockQuote) ||
        std::binary_search(scanned.begin(), scanned.end(), block.span.offset)) {
      continue;
    }
    kept.push_back(analysis.block_facts<SpunTextBlockFacts>(block));
    for (size_t k = 0; k < kept.back()->sentences.size(); ++k) {
      eligible.push_back(
          {static_cast<uint32_t>(block.first_sentence + k), &kept.back()->sentences[k]});
      phrase_count += kept.back()->sentences[k].phrases.size();
    }
  }
  if (eligible.size() < kMinBadInWindow) return;

  std::vector<Signals> sigs(eligible.size());
  // Phrases of kPhraseWords words met earlier in the document ("looked more like a fortress than a
  // home" three times). The first occurrence stays clean: the coherent source a spinner recycled
  // is not itself garbled.
  HashSet seen(phrase_count + kPhraseWords * eligible.size());
  for (size_t k = 0; k < eligible.size(); ++k) {
    const SentenceFacts& facts = *eligible[k].facts;
    Signals& sig = sigs[k];
    sig = facts.signals;
    const uint32_t b = doc.sentences()[eligible[k].sentence].block;
    const bool continues = facts.continues || (facts.at_block_start && b > 0 &&
                                               resumes_after(doc, doc.blocks()[b - 1]));
    if (facts.lower_start && !continues) {
      sig.fragments++, sig.score += 1;  // "… had been stymied. of the working class"
    } else if (facts.auxiliary_start) {
      sig.fragments++, sig.score += 0.5;  // "Did their grandson, …" without a question
    }
    size_t runs = 0;
    bool in_run = false;
    for (const uint64_t phrase : facts.phrases) {
      const bool repeat = phrase != 0 && !seen.insert(phrase);
      if (repeat && !in_run) ++runs;
      in_run = repeat;
    }
    sig.repeated += runs;
    sig.repeat_score = std::min<double>(runs, 2.0);
    sig.score += sig.repeat_score;
  }

  // A sentence carries evidence when it scores enough with some signal besides repetition: the
  // original a spinner recycled may come after the salad and is not itself garbled.
  // A sentence with a scanning error is broken by the scanner, whatever else it shows.
  std::vector<bool> bad(eligible.size());
  for (size_t k = 0; k < eligible.size(); ++k) {
    const Span span = doc.sentences()[eligible[k].sentence].span;
    const auto next_error = std::lower_bound(misread.begin(), misread.end(), span.offset);
    const bool scanned_sentence = next_error != misread.end() && *next_error < span.end();
    bad[k] = !scanned_sentence && sigs[k].score >= kBadSentence &&
             sigs[k].score - sigs[k].repeat_score >= 0.5;
  }
  // Sliding windows: mark the evidence-carrying sentences of every window that passes.
  std::vector<bool> marked(eligible.size(), false);
  double sum = 0;
  size_t bad_count = 0;
  for (size_t k = 0; k < eligible.size(); ++k) {
    sum += sigs[k].score;
    bad_count += bad[k];
    if (k >= kWindow) {
      sum -= sigs[k - kWindow].score;
      bad_count -= bad[k - kWindow];
    }
    if (bad_count >= kMinBadInWindow && sum >= threshold) {
      for (size_t j = k + 1 - std::min(k + 1, kWindow); j <= k; ++j) {
        if (bad[j]) marked[j] = true;
      }
    }
  }

  // Runs of marked sentences with small gaps become one diagnostic each.
  for (size_t k = 0; k < eligible.size();) {
    if (!marked[k]) {
      ++k;
      continue;
    }
    // A run bridges sentences with weak evidence of their own, up to kMaxGap with none at all.
    size_t last = k;
    size_t quiet = 0;
    for (size_t j = k + 1; j < eligible.size() && j <= last + kMaxBridge; ++j) {
      if (marked[j]) {
        last = j, quiet = 0;
      } else if (sigs[j].score == 0 && ++quiet > kMaxGap) {
        break;
      }
    }
    Signals total;
    for (size_t j = k; j <= last; ++j) {
      total.fragments += sigs[j].fragments;
      total.repeated += sigs[j].repeated;
      total.spacing += sigs[j].spacing;
      total.brackets += sigs[j].brackets;
      total.bad_pairs += sigs[j].bad_pairs;
      total.glued += sigs[j].glued;
      total.exclamations += sigs[j].exclamations;
    }
    Evidence evidence;
    evidence.add("a sentence fragment", "sentence fragments", total.fragments);
    evidence.add("a repeated phrase", "repeated phrases", total.repeated);
    evidence.add("a spaced punctuation mark", "spaced punctuation marks", total.spacing);
    evidence.add("an unmatched bracket", "unmatched brackets", total.brackets);
    evidence.add("an ungrammatical word pair", "ungrammatical word pairs", total.bad_pairs);
    evidence.add("a glued word", "glued words", total.glued);
    evidence.add("a stray exclamation mark", "stray exclamation marks", total.exclamations);
    const Span first = doc.sentences()[eligible[k].sentence].span;
    const Span end = doc.sentences()[eligible[last].sentence].span;
    Finding f;
    f.severity = Severity::Warning;
    f.span = {first.offset, end.end() - first.offset};
    f.message = "Spun or machine-mashed text over " + std::to_string(last - k + 1) +
                " sentences: " + evidence.describe() + ".";
    f.fixes.push_back(delete_fix(doc.text(), f.span, "Delete the garbled passage"));
    out.push_back(std::move(f));
    k = last + 1;
  }
}

}  // namespace

RuleDef spun_text_rule() {
  RuleDef rule;
  rule.info.id = "garble/spun-text";
  rule.info.summary = "SEO-spun or machine-mashed fragment salad";
  rule.info.explanation =
      "Flags runs of sentences that read as spun or machine-mashed text: sentences cut mid-clause "
      "and glued together, fragments ending in \"..\", \"!\" or a dangling function word (\"a home "
      "was.\"), lowercase starts, spaced punctuation (\"Stalin ’ s\", \"“ trotskyism ”\"), the "
      "same "
      "long phrase recycled, digits glued to words. Each sentence is scored from these weak "
      "signals; a run is reported only when several sentences close together carry evidence, so "
      "a single unusual sentence, verse, lists, tables and reference sections are never flagged. "
      "The window score needed is the threshold garble/spun-text.threshold (default 5).";
  rule.info.example =
      "Did their grandson, Esteban Volkov, who had been living with.. With methods reminiscent "
      "of Nazi theories, “ trotskyism ” is a see also of socialism this category Esteban... "
      "Coyoácan looked more like a fortress than a home was. Had expected to spread and take "
      "hold elsewhere had been stymied of.";
  rule.info.default_severity = Severity::Warning;
  rule.check = check_spun_text;
  return rule;
}

}  // namespace histlint::garble
