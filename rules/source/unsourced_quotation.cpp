// source/unsourced-quotation: words put in someone's mouth ("Stalin told Kamenev, “…”") with no
// citation for where they were said or written.
#include <re2/re2.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <optional>

#include "rules/extract/citation_matching.h"
#include "rules/extract/citation_quotes.h"
#include "rules/extract/citations.h"
#include "rules/source/claims.h"
#include "rules/source/source_rules.h"
#include "rules/text/utf8.h"

namespace histlint::source_rules {

namespace {

using citation_matching::Groups;

constexpr std::string_view kSpeechVerbs =
    "said|says|say|saying|told|tells|telling|wrote|writes|writing|declared|declares|stated|"
    "states|reported|reports|confided|confides|explained|explains|remarked|remarks|replied|"
    "replies|answered|answers|added|adds|insisted|insists|recalled|recalls|warned|warns|argued|"
    "argues|asked|asks|exclaimed|exclaims|cried|shouted|shouts|proclaimed|proclaims|announced|"
    "announces|noted|notes|observed|observes|commented|comments|conceded|concedes|admitted|"
    "admits|boasted|boasts|complained|complains|claimed|claims|quipped|retorted|responded|"
    "protested|acknowledged|lamented|concluded|concludes|reads|recounted|recounts|joked|mused|"
    "pleaded|urged|vowed|swore|promised|predicted|demanded|thundered|snapped|whispered|"
    "muttered|described|describes|put it|puts it|summed up";

// "Stalin told", "Zinoviev later confided": the name just before the verb.
const re2::RE2& speaker_before_pattern() {
  static const re2::RE2 re(
      R"((\p{Lu}[\p{L}’'\-]+(?:\s+\p{Lu}[\p{L}’'\-]+){0,2})\s+(?:\p{Ll}+ly\s+|later\s+|once\s+)?)"
      "(?:" +
      std::string(kSpeechVerbs) + ")\\b");
  return re;
}

// "wrote Natalya Sedov": the name just after the verb.
const re2::RE2& speaker_after_pattern() {
  static const re2::RE2 re("\\b(?:" + std::string(kSpeechVerbs) +
                           R"()\s+(\p{Lu}[\p{L}’'\-]+(?:\s+\p{Lu}[\p{L}’'\-]+){0,2}))");
  return re;
}

bool is_pronoun_or_connective(std::string_view word) {
  static constexpr std::array<std::string_view, 16> kWords = {
      "He",   "She",   "It",   "They",  "We",   "I",     "You",   "This",
      "That", "There", "Then", "Later", "Also", "These", "Those", "One"};
  return std::find(kWords.begin(), kWords.end(), word) != kWords.end();
}

// A speech verb with the word before it: after a determiner or a preposition it is a noun
// ("with notes from", "his remarks", "the reports").
const re2::RE2& speech_verb_with_word_before_pattern() {
  static const re2::RE2 re("(?i)(?:\\b(\\pL+)\\s+)?\\b(?:" + std::string(kSpeechVerbs) + ")\\b");
  return re;
}

bool has_speech_verb(std::string_view text) {
  static constexpr std::array<std::string_view, 21> kNounMarkers = {
      "the",  "a",  "an",    "his",   "her",  "their", "its",     "our",  "my",    "your", "with",
      "from", "of", "these", "those", "some", "many",  "several", "such", "whose", "own"};
  re2::StringPiece rest(text.data(), text.size());
  std::string before;
  while (re2::RE2::FindAndConsume(&rest, speech_verb_with_word_before_pattern(), &before)) {
    for (char& c : before) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (std::find(kNounMarkers.begin(), kNounMarkers.end(), before) == kNounMarkers.end()) {
      return true;
    }
  }
  return false;
}

std::string speaker_in(std::string_view text) {
  const re2::StringPiece piece(text.data(), text.size());
  re2::StringPiece name;
  if (!re2::RE2::PartialMatch(piece, speaker_before_pattern(), &name) &&
      !re2::RE2::PartialMatch(piece, speaker_after_pattern(), &name)) {
    return {};
  }
  std::string_view n(name.data(), name.size());
  const size_t space = n.find(' ');
  if (is_pronoun_or_connective(n.substr(0, space))) return {};
  return std::string(n);
}

bool is_terminal(char32_t c) {
  return c == '.' || c == '!' || c == '?' || c == 0x2026;
}

// A run of quotations that the writer interrupts only to name the speaker:
// “On his sixtieth birthday”, wrote Natalya Sedov, “Leon Davidovich felt alone …”.
struct QuoteRun {
  size_t first = 0;  // indices into QuotationFacts::quotations
  size_t last = 0;
  int words = 0;
};

class QuotationChecker {
 public:
  QuotationChecker(const Analysis& analysis, std::vector<Finding>& out)
      : analysis_(analysis),
        doc_(analysis.doc()),
        prose_(doc_.prose()),
        quotes_(analysis.facts<QuotationFacts>().quotations),
        citations_(analysis.facts<CitationFacts>()),
        min_words_(static_cast<int>(
            analysis.options().threshold("source/unsourced-quotation.minimum-words", 6))),
        out_(out) {}

  void run() {
    collect_cited_authors();
    for (size_t i = 0; i < quotes_.size();) {
      QuoteRun r{i, i, quotes_[i].words};
      while (r.last + 1 < quotes_.size() && continues(quotes_[r.last], quotes_[r.last + 1])) {
        ++r.last;
        r.words += quotes_[r.last].words;
      }
      check_run(r);
      i = r.last + 1;
    }
    check_block_quotes();
    check_unmarked_quotes();
  }

 private:
  // The author a work citation names: the last capitalised word before it in its sentence, outside
  // quotation marks ("told by Mr. R. T. Harwood, under the heading “…”, in his _Annals_").
  void collect_cited_authors() {
    for (const Citation& c : citations_.citations) {
      if (c.kind != CitationKind::Attribution) continue;
      // Compiled on the first attribution: Unicode classes are slow to compile.
      static const re2::RE2 name(R"(\b(\p{Lu}[\p{L}’'\-]+))");
      const Sentence* sentence = doc_.sentence_at(c.span.offset);
      if (sentence == nullptr) continue;
      std::string before(
          prose_.substr(sentence->span.offset, c.span.offset - sentence->span.offset));
      for (const Quotation& q : quotes_) {
        if (q.span.offset < sentence->span.offset || q.span.end() > c.span.offset) continue;
        const size_t at = q.span.offset - sentence->span.offset;
        before.replace(at, q.span.length, q.span.length, ' ');
      }
      re2::StringPiece rest(before), word, author;
      while (re2::RE2::FindAndConsume(&rest, name, &word)) author = word;
      if (!author.empty() &&
          !is_pronoun_or_connective(std::string_view(author.data(), author.size()))) {
        cited_authors_.push_back({std::string(author.data(), author.size()), c.span.offset});
      }
    }
  }

  // The speaker is an author whose work the text has named: "Mr. Harwood remarks:" after "told by
  // Mr. R. T. Harwood … in his _Annals_"; "he rightly says" after "Ralph Merton's _Chronicle_"
  // in the same paragraph.
  bool speaks_from_named_work(const std::string& speaker, std::string_view attribution,
                              const Quotation& q) const {
    if (!speaker.empty()) {
      const std::string_view surname =
          std::string_view(speaker).substr(speaker.find_last_of(' ') + 1);
      return std::any_of(cited_authors_.begin(), cited_authors_.end(), [&](const auto& a) {
        return a.second < q.span.offset && a.first == surname;
      });
    }
    static const re2::RE2 pronoun_speaker(
        "(?i)\\b(?:he|she)\\s+(?:\\pL+ly\\s+)?(?:" + std::string(kSpeechVerbs) + ")\\b");
    if (!re2::RE2::PartialMatch(re2::StringPiece(attribution.data(), attribution.size()),
                                pronoun_speaker)) {
      return false;
    }
    // A title in emphasis after a possessive name: "Merton's _Chronicle of the Fens_".
    static const re2::RE2 titled_work(R"(\p{Lu}[\p{L}\-]+['’]s\s+[*_]+\p{Lu})");
    const size_t block_begin = doc_.blocks()[q.block].span.offset;
    const std::string_view before =
        std::string_view(doc_.text()).substr(block_begin, q.span.offset - block_begin);
    return re2::RE2::PartialMatch(re2::StringPiece(before.data(), before.size()), titled_work);
  }

  // The second quotation goes on from the first, interrupted only to name the speaker:
  // “…”, wrote X, “…” or “…,” she wrote; “…”.
  bool continues(const Quotation& a, const Quotation& b) const {
    if (a.block != b.block || a.ends_sentence) return false;
    const std::string_view between = prose_.substr(a.span.end(), b.span.offset - a.span.end());
    return between.size() <= 80 && between.find_first_of(".!?") == std::string_view::npos &&
           has_speech_verb(between);
  }

  // The writer's words before a quotation, back to the sentence start or the previous quotation.
  std::string_view lead_in(const Quotation& q, size_t run_first) const {
    const size_t block_begin = doc_.blocks()[q.block].span.offset;
    size_t floor = block_begin;
    if (run_first > 0 && quotes_[run_first - 1].block == q.block) {
      floor = quotes_[run_first - 1].span.end();
    }
    size_t pos = q.span.offset;
    while (pos > floor) {
      size_t len = 0;
      const char32_t c = utf8::decode_before(prose_, pos, len);
      if (utf8::is_space(c) && pos - len > floor) {
        size_t len2 = 0;
        if (is_terminal(utf8::decode_before(prose_, pos - len, len2))) break;
      }
      pos -= len;
    }
    return prose_.substr(pos, q.span.offset - pos);
  }

  // The writer's words after a quotation, to the end of the sentence or the next quotation.
  // Nothing when the quotation ends a sentence and a new one starts after it.
  std::string_view tail(const Quotation& q, size_t next_index) const {
    if (q.ends_sentence) {
      size_t next = q.span.end();
      size_t len = 0;
      while (next < prose_.size() && utf8::is_space(utf8::decode(prose_, next, len))) next += len;
      if (next < prose_.size() && utf8::is_upper(utf8::decode(prose_, next, len))) {
        return prose_.substr(q.span.end(), 0);
      }
    }
    const size_t block_end = doc_.blocks()[q.block].span.end();
    size_t limit = std::min(block_end, q.span.end() + 120);
    if (next_index < quotes_.size() && quotes_[next_index].block == q.block) {
      limit = std::min(limit, quotes_[next_index].span.offset);
    }
    size_t pos = q.span.end();
    while (pos < limit) {
      size_t len = 0;
      const char32_t c = utf8::decode(prose_, pos, len);
      pos += len;
      if (is_terminal(c)) break;
    }
    return prose_.substr(q.span.end(), pos - q.span.end());
  }

  // The sentence that introduces a quotation set off in its own block ("He said:"), if any.
  std::optional<Span> introduction(uint32_t block) const {
    const auto& blocks = doc_.blocks();
    uint32_t prev = block;
    while (prev > 0 && blocks[prev - 1].kind == BlockKind::Html) --prev;
    if (prev == 0) return std::nullopt;
    const Block& intro = blocks[prev - 1];
    // In plain text a short last line ("He said:") may have been read as a title.
    const bool intro_kind = is_checked_block(intro) || (intro.kind == BlockKind::Heading &&
                                                        doc_.language() == Language::PlainText);
    if (!intro_kind || intro.sentence_count == 0) return std::nullopt;
    const Span last = doc_.block_sentences_end(intro)[-1].span;
    const std::string_view text = doc_.prose_slice(last);
    if (text.empty() || text.back() != ':' || !has_speech_verb(text)) return std::nullopt;
    return last;
  }

  bool is_single_question(const QuoteRun& r) const {
    if (r.first != r.last) return false;
    std::string_view words = doc_.prose_slice(quotes_[r.first].inner);
    while (!words.empty() && (words.back() == ' ' || words.back() == '\n')) words.remove_suffix(1);
    return !words.empty() && words.back() == '?' &&
           words.substr(0, words.size() - 1).find_first_of(".!?") == std::string_view::npos;
  }

  void check_run(const QuoteRun& r) {
    const Quotation& first = quotes_[r.first];
    const Quotation& last = quotes_[r.last];
    if (!is_checked_block(doc_.blocks()[first.block]) || r.words < min_words_) return;
    const std::string_view before = lead_in(first, r.first);
    const std::string_view after = tail(last, r.last + 1);
    std::string attribution(before);
    for (size_t k = r.first; k < r.last; ++k) {
      attribution +=
          prose_.substr(quotes_[k].span.end(), quotes_[k + 1].span.offset - quotes_[k].span.end());
    }
    attribution += after;
    std::optional<Span> intro;
    const bool opens_block =
        before.find_first_not_of(" \t\r\n") == std::string_view::npos &&
        first.span.offset - before.size() == doc_.blocks()[first.block].span.offset;
    if (opens_block) intro = introduction(first.block);
    if (!has_speech_verb(attribution) && !intro) return;  // a phrase, a title, a scare quote
    // "“You were at the factory?” the magistrate asked." asks; it claims nothing.
    if (is_single_question(r)) return;
    // "Did he really say “…”?" asks rather than claims.
    if (after.find('?') != std::string_view::npos) return;
    const Span whole{first.span.offset, last.span.end() - first.span.offset};
    if (citations_.supports(whole) || (intro && citations_.supports(*intro))) return;
    std::string speaker = speaker_in(attribution);
    if (speaker.empty() && intro) speaker = speaker_in(doc_.prose_slice(*intro));
    if (speaks_from_named_work(speaker, attribution, first)) return;
    report(first.inner, quoted_words(r), whole, speaker);
  }

  // Block quotes introduced as someone's words ("Trotsky wrote:") with no citation and no
  // attribution line under them.
  void check_block_quotes() {
    const auto& blocks = doc_.blocks();
    for (uint32_t i = 0; i < blocks.size(); ++i) {
      if (blocks[i].kind != BlockKind::BlockQuote || blocks[i].in_reference_section) continue;
      if (i > 0 && blocks[i - 1].kind == BlockKind::BlockQuote) continue;  // not the first
      uint32_t last = i;
      while (last + 1 < blocks.size() && blocks[last + 1].kind == BlockKind::BlockQuote) ++last;
      const auto intro = introduction(i);
      if (!intro) continue;
      const Span whole{blocks[i].span.offset, blocks[last].span.end() - blocks[i].span.offset};
      if (citations_.supports(whole) || citations_.supports(*intro)) continue;
      report(blocks[i].span, std::string(doc_.prose_slice(blocks[i].span)), whole,
             speaker_in(doc_.prose_slice(*intro)));
    }
  }

  // Reported words whose quotation marks were lost, as text dumps and OCR lose them: a speech verb
  // and then the speaker's own sentence, opened by a capitalised pronoun or article ("Ashford
  // replied, The danger …", "were reported as I have done …"), or set on a line of its own in lower
  // case ("The governor described Mason as:⏎a known smuggler, …").
  void check_unmarked_quotes() {
    // Screened: the full pattern compiles slowly and most texts never need it.
    static const citation_matching::ScreenedPattern opening(
        "(?i:\\b(?:" + std::string(kSpeechVerbs) +
            "))(?:(?:,|:|\\s+as:?)[ \\t]+((?:The|A|An|It|I|We|My|Our|There|This|That|If|You|They|"
            "He|She|What|How|Let|No)\\s+\\p{Ll})|(?:\\s+\\p{L}+){0,3}?\\s*:[ \\t]*\\r?\\n[ "
            "\\t]*(\\p{Ll}))",
        re2::RE2::Options());
    const auto& blocks = doc_.blocks();
    for (uint32_t b = 0; b < blocks.size(); ++b) {
      if (!is_checked_block(blocks[b])) continue;
      citation_matching::for_each_match(
          opening, prose_, blocks[b].span.offset, blocks[b].span.end(), [&](const Groups& g) {
            const re2::StringPiece start = g[1].data() != nullptr ? g[1] : g[2];
            const size_t at = static_cast<size_t>(start.data() - prose_.data());
            const Sentence* sentence = doc_.sentence_at(at);
            if (sentence == nullptr || in_question(doc_, at)) return;
            // Marks the text kept are read as quotations above.
            if (std::any_of(quotes_.begin(), quotes_.end(), [&](const Quotation& q) {
                  return q.span.offset < sentence->span.end() &&
                         q.span.end() > sentence->span.offset;
                })) {
              return;
            }
            // In a writer's own first person, "as I stood there" tells, it does not quote.
            const std::string_view first = prose_.substr(at, prose_.find(' ', at) - at);
            if ((first == "I" || first == "We" || first == "My" || first == "Our") &&
                writes_in_first_person(*sentence, at)) {
              return;
            }
            const Span whole{at, sentence->span.end() - at};
            const std::string_view words = doc_.prose_slice(whole);
            if (count_quoted_words(words) < min_words_) return;
            const Span lead{sentence->span.offset, at - sentence->span.offset};
            if (citations_.supports(whole) || citations_.supports(lead)) return;
            report(whole, std::string(words), whole, speaker_in(doc_.prose_slice(lead)));
          });
    }
  }

  // Whether the writer speaks as "I" or "we": in the words of the sentence before `at`, or in one
  // sentence in ten of the others, as a memoir or an answer does. A stray "I" in a third-person
  // text belongs to other reported words whose marks were lost.
  bool writes_in_first_person(const Sentence& sentence, size_t at) {
    if (is_first_person(prose_.substr(sentence.span.offset, at - sentence.span.offset))) {
      return true;
    }
    if (!first_person_sentences_) {
      first_person_sentences_ = 0;
      for (const Block& block : doc_.blocks()) {
        if (!is_checked_block(block)) continue;
        for (const Sentence* s = doc_.block_sentences_begin(block);
             s != doc_.block_sentences_end(block); ++s) {
          ++checked_sentences_;
          if (is_first_person(doc_.prose_slice(s->span))) ++*first_person_sentences_;
        }
      }
    }
    const int others =
        *first_person_sentences_ - (is_first_person(doc_.prose_slice(sentence.span)) ? 1 : 0);
    return others > 0 && others * 10 >= checked_sentences_ - 1;
  }

  // The quoted words of a run, joined where the writer interrupts them.
  std::string quoted_words(const QuoteRun& r) const {
    std::string words;
    for (size_t k = r.first; k <= r.last; ++k) {
      if (!words.empty()) words += " … ";
      words += doc_.prose_slice(quotes_[k].inner);
    }
    return words;
  }

  void report(Span first_inner, const std::string& words, const Span& whole,
              const std::string& speaker) {
    // Underline the quotation's first sentence: the whole passage may run for lines.
    Span shown = whole;
    if (const Sentence* s = doc_.sentence_at(first_inner.offset)) {
      if (s->span.end() > whole.offset && s->span.end() < whole.end()) {
        shown.length = s->span.end() - whole.offset;
      }
    }
    const std::string quoted = "“" + excerpt(words, 60) + "”";
    std::string message =
        speaker.empty() ? "quotation without a source: " + quoted
                        : "quotation attributed to " + speaker + " without a source: " + quoted;
    report_unsourced(analysis_, shown, Severity::Warning, std::move(message), out_);
  }

  const Analysis& analysis_;
  const Document& doc_;
  std::string_view prose_;
  const std::vector<Quotation>& quotes_;
  const CitationFacts& citations_;
  int min_words_;
  std::vector<Finding>& out_;
  std::vector<std::pair<std::string, size_t>> cited_authors_;  // name, citation offset
  std::optional<int> first_person_sentences_;
  int checked_sentences_ = 0;
};

void check(const Analysis& analysis, std::vector<Finding>& out) {
  QuotationChecker(analysis, out).run();
}

}  // namespace

const RuleDef& unsourced_quotation() {
  static const RuleDef rule{
      {"source/unsourced-quotation", "A quotation attributed to someone with no citation.",
       "Words put in someone's mouth are the claims most often misquoted and invented. The rule "
       "flags a quotation of at least `source/unsourced-quotation.minimum-words` (6) words that "
       "the text attributes to a speaker (\"Stalin told Kamenev, “…”\", \"he wrote: …\") when no "
       "citation follows it in the paragraph and no work is named (\"Trotsky wrote in My Life\", "
       "or the speaker's work named earlier: \"Harwood, in his _Annals_\"). Reported words whose "
       "quotation marks were lost count too (\"Ashford replied, The danger …\", \"described "
       "him as:\" over a line in lower case). Short phrases in quotation marks, titles and block "
       "quotes followed by an attribution line (\"— Trotsky, My Life\") are not flagged.",
       "Stalin told Kamenev, “To choose the victim, carefully prepare the blow, then go to bed.”",
       Severity::Warning, true},
      &check};
  return rule;
}

}  // namespace histlint::source_rules
