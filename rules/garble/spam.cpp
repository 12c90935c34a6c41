// garble/spam: commercial and SEO inserts in prose — phone numbers, calls to action, promo codes,
// shouting, keyword stuffing. A URL or an e-mail address alone is never enough: historians cite
// web pages and archives give contact addresses.
#include <re2/re2.h>

#include <re2/set.h>

#include <algorithm>
#include <array>
#include <functional>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "rules/garble/rules.h"
#include "rules/garble/signals.h"
#include "rules/text/utf8.h"

namespace histlint::garble {

namespace {

constexpr double kStrong = 2.0;  // enough on its own
constexpr double kMedium = 1.0;  // two of them make an insert
constexpr double kUrl = 0.5;     // only counts beside other evidence
constexpr double kFlag = 2.0;
constexpr size_t kStuffingWindow = 25;  // words
constexpr size_t kStuffingCount = 6;    // occurrences of one word inside the window

enum Pattern : size_t {
  kPhoneNumber,
  kStrongPitch,
  kPromoCode,
  kMediumPitch,
  kEmailAddress,
  kWebAddress,
  kPatternCount
};

constexpr const char* kPatterns[kPatternCount] = {
    R"(((?:\+1[-. ]?)?(?:\(\d{3}\) ?|\b\d{3}[-.])\d{3}[-.]\d{4}\b|)"
    R"(\+\d{1,3}[ .-]\(?\d{1,4}\)?(?:[ .-]\d{2,4}){2,4}\b|\b1-800-[A-Z0-9-]{4,}))",
    R"((?i)(\b(?:buy now|order now|shop now|click here|click below|subscribe now|sign up now|)"
    R"(limited[- ]time offer|free shipping|(?:discount|promo|coupon|voucher) codes?|)"
    R"(money[- ]back guarantee|100% free|online casino|payday loans?|viagra|cialis|)"
    R"(replica watches|make money online|visit our (?:website|web site|online store|store|shop))\b))",
    R"((\b(?i:use code) [A-Z0-9]{4,}\b))",  // "use code SAVE20"
    R"((?i)(\b(?:call now|call today|call us|order today|best prices?|lowest prices?|)"
    R"(free delivery|special offer|act now|\d{1,2} ?% off|)"
    R"((?:only|just|from|now) [$£€] ?\d+[.,]\d{2})\b))",
    R"((\b[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}\b))",
    R"(((?i:https?://|www\.)[^\s<>()]+|\b[A-Za-z0-9-]+\.(?i:com|net|biz|shop|store|online)\b))",
};

const re2::RE2& pattern(Pattern p) {
  static const auto compiled = [] {
    std::array<std::unique_ptr<re2::RE2>, kPatternCount> out;
    for (size_t i = 0; i < kPatternCount; ++i) out[i] = std::make_unique<re2::RE2>(kPatterns[i]);
    return out;
  }();
  return *compiled[p];
}

// Which patterns match somewhere in `s`, told by one scan instead of one per pattern: most
// sentences hold none. All of them when the set cannot tell (out of memory).
std::array<bool, kPatternCount> matching_patterns(std::string_view s) {
  static const re2::RE2::Set set = [] {
    re2::RE2::Set set(re2::RE2::DefaultOptions, re2::RE2::UNANCHORED);
    for (const char* p : kPatterns) set.Add(p, nullptr);
    set.Compile();
    return set;
  }();
  std::array<bool, kPatternCount> found{};
  std::vector<int> matched;
  re2::RE2::Set::ErrorInfo error;
  if (!set.Match(re2::StringPiece(s.data(), s.size()), &matched, &error) &&
      error.kind != re2::RE2::Set::kNoError) {
    found.fill(true);  // out of memory: every pattern runs
  }
  for (const int p : matched) found[static_cast<size_t>(p)] = true;
  return found;
}

struct SentenceSpam {
  double score = 0;
  Evidence evidence;
};

bool preceded_by_identifier(std::string_view s, size_t at) {
  const size_t from = at >= 12 ? at - 12 : 0;
  const std::string before = lower_ascii(s.substr(from, at - from));
  return before.find("isbn") != std::string::npos || before.find("issn") != std::string::npos ||
         before.find("doi") != std::string::npos || before.find("no.") != std::string::npos;
}

// Four or more words in capitals in a row: "CALL NOW FOR THE BEST DEALS".
bool has_shouting_words(const std::vector<Word>& words, std::string_view text) {
  size_t run = 0;
  for (const Word& w : words) {
    const std::string_view core = text.substr(w.core.offset, w.core.length);
    size_t letters = 0;
    bool caps = core.size() >= 2;
    for (size_t pos = 0; pos < core.size() && caps;) {
      size_t len = 0;
      const char32_t c = utf8::decode(core, pos, len);
      if (utf8::is_lower(c)) caps = false;
      letters += utf8::is_letter(c);
      pos += len;
    }
    run = caps && letters >= 2 ? run + 1 : 0;
    if (run >= 4) return true;
  }
  return false;
}

// Bytes of `s` that may belong to a letter in capitals: A-Z and the bytes of non-ASCII characters.
size_t capital_bytes(std::string_view s) {
  return static_cast<size_t>(std::count_if(s.begin(), s.end(), [](char c) {
    return (c >= 'A' && c <= 'Z') || static_cast<unsigned char>(c) >= 0x80;
  }));
}

void score_sentence(std::string_view prose, Span sentence, bool heading, bool line_item,
                    SentenceSpam& out) {
  const std::string_view s = prose.substr(sentence.offset, sentence.length);
  const auto matching = matching_patterns(s);
  const auto each_match = [&](Pattern p, const std::function<void(Span)>& found) {
    if (matching[p]) for_each_match(pattern(p), s, found);
  };
  each_match(kPhoneNumber, [&](Span m) {
    if (preceded_by_identifier(s, m.offset)) return;
    out.score += line_item ? kMedium : kStrong;
    out.evidence.add("a phone number (" + std::string(s.substr(m.offset, m.length)) + ")",
                     "phone numbers");
  });
  for (const Pattern p : {kStrongPitch, kPromoCode}) {
    each_match(p, [&](Span m) {
      out.score += kStrong;
      out.evidence.add("a sales pitch (“" + std::string(s.substr(m.offset, m.length)) + "”)",
                       "sales phrases");
    });
  }
  each_match(kMediumPitch, [&](Span m) {
    out.score += kMedium;
    out.evidence.add("a sales phrase (“" + std::string(s.substr(m.offset, m.length)) + "”)",
                     "sales phrases");
  });
  each_match(kEmailAddress, [&](Span) {
    out.score += kMedium;
    out.evidence.add("an e-mail address", "e-mail addresses");
  });
  bool url_seen = false;
  each_match(kWebAddress, [&](Span) {
    if (!url_seen) out.score += kUrl;
    url_seen = true;
    out.evidence.add("a web address", "web addresses");
  });
  if (s.find("!!!") != std::string_view::npos) {
    out.score += kMedium;
    out.evidence.add("shouting (“!!!”)", "shouted exclamations");
  }
  // Four words in capitals hold at least eight such bytes; most sentences have fewer.
  if (!heading && capital_bytes(s) >= 8 &&
      has_shouting_words(split_words(prose, sentence), prose)) {
    out.score += kMedium;
    out.evidence.add("a run of words in capitals", "runs of words in capitals");
  }
}

// One word repeated many times in a short stretch ("cheap watches cheap watches best cheap …"):
// adds the evidence to the sentence of the block where the count is reached.
void find_stuffing(const Document& doc, const Block& block, std::vector<SentenceSpam>& spam) {
  const std::string_view prose = doc.prose();
  const auto words = split_words(prose, block.span);
  // The block lowered once; keys are views into it.
  const std::string lowered = lower_ascii(prose.substr(block.span.offset, block.span.length));
  const auto lowered_core = [&](const Word& w) {
    return std::string_view(lowered).substr(w.core.offset - block.span.offset, w.core.length);
  };
  std::vector<std::string_view> keys(words.size());
  for (size_t i = 0; i < words.size(); ++i) {
    const std::string_view core = prose.substr(words[i].core.offset, words[i].core.length);
    const std::string_view key = lowered_core(words[i]);
    const bool letters_only = std::all_of(key.begin(), key.end(), [](char c) {
      return (c >= 'a' && c <= 'z') || static_cast<unsigned char>(c) >= 0x80;
    });
    // A word repeated back to back ("glory, glory") counts once: refrains repeat that way,
    // stuffing scatters the keyword among variations ("cheap essays, best cheap essays").
    const bool repeats_previous = i > 0 && lowered_core(words[i - 1]) == key;
    // A capital inside a sentence marks a name ("Hopewell Township, West Windsor Township"):
    // a list of places or people repeats its common word, and stuffing does not need capitals.
    const bool in_name = !core.empty() && core[0] >= 'A' && core[0] <= 'Z' && [&] {
      const Sentence* sentence = doc.sentence_at(words[i].core.offset);
      return sentence && sentence->span.offset < words[i].chunk.offset;
    }();
    if (key.size() >= 4 && letters_only && !repeats_previous && !in_name &&
        !is_function_word(key)) {
      keys[i] = key;
    }
  }
  std::unordered_map<std::string_view, size_t> counts;
  for (size_t i = 0; i < words.size(); ++i) {
    if (i >= kStuffingWindow && !keys[i - kStuffingWindow].empty()) {
      --counts[keys[i - kStuffingWindow]];
    }
    if (keys[i].empty() || ++counts[keys[i]] < kStuffingCount) continue;
    const Sentence* s = doc.sentence_at(words[i].core.offset);
    if (!s) continue;
    const size_t k = static_cast<size_t>(s - doc.sentences().data()) - block.first_sentence;
    spam[k].score += kStrong;
    spam[k].evidence.add("keyword stuffing (“" + std::string(keys[i]) + "” " +
                             std::to_string(kStuffingCount) + " times in " +
                             std::to_string(kStuffingWindow) + " words)",
                         "stuffed keywords");
    counts.clear();  // report each stuffed stretch once
    for (size_t j = i + 1; j < words.size() && j < i + kStuffingWindow; ++j) keys[j] = {};
  }
}

// The spam sentences of one prose block outside a footnote, kept per block across edits.
struct SpamBlockFacts {
  struct Flagged {
    uint32_t sentence;  // index among the block's sentences
    Evidence evidence;
  };
  std::vector<Flagged> sentences;  // in order

  static SpamBlockFacts extract_block(const Analysis& analysis, const Block& block) {
    const Document& doc = analysis.doc();
    const std::string_view prose = doc.prose();
    const bool heading = block.kind == BlockKind::Heading;
    const bool line_item = block.kind == BlockKind::ListItem || block.kind == BlockKind::TableRow ||
                           is_line_structured(doc, block);
    std::vector<SentenceSpam> spam(block.sentence_count);
    if (!line_item && !heading) find_stuffing(doc, block, spam);
    SpamBlockFacts facts;
    for (uint32_t k = 0; k < block.sentence_count; ++k) {
      const Sentence& sentence = doc.sentences()[block.first_sentence + k];
      score_sentence(prose, sentence.span, heading, line_item, spam[k]);
      if (spam[k].score >= kFlag) facts.sentences.push_back({k, std::move(spam[k].evidence)});
    }
    return facts;
  }
};

void check_spam(const Analysis& analysis, std::vector<Finding>& out) {
  const Document& doc = analysis.doc();
  struct Flagged {
    Span span;
    Evidence evidence;
  };
  std::vector<Flagged> flagged;
  size_t previous_sentence = SIZE_MAX;
  for (const Block& block : doc.blocks()) {
    if (!block.is_prose() || block.in_reference_section ||
        block.kind == BlockKind::FootnoteDefinition) {
      continue;
    }
    const auto facts = analysis.block_facts<SpamBlockFacts>(block);
    for (const auto& spam : facts->sentences) {
      const uint32_t index = block.first_sentence + spam.sentence;
      const Sentence& sentence = doc.sentences()[index];
      // Consecutive spam sentences form one insert.
      if (!flagged.empty() && previous_sentence + 1 == index) {
        flagged.back().span.length = sentence.span.end() - flagged.back().span.offset;
      } else {
        flagged.push_back({sentence.span, {}});
      }
      flagged.back().evidence.merge(spam.evidence);
      previous_sentence = index;
    }
  }
  for (auto& f : flagged) {
    Finding finding;
    finding.severity = Severity::Warning;
    finding.span = f.span;
    finding.message = "Spam inserted in the text: " + f.evidence.describe() + ".";
    finding.fixes.push_back(delete_fix(doc.text(), f.span, "Delete the spam insert"));
    out.push_back(std::move(finding));
  }
}

}  // namespace

RuleDef spam_rule() {
  RuleDef rule;
  rule.info.id = "garble/spam";
  rule.info.summary = "Commercial or SEO inserts: phone numbers, sales pitches, keyword stuffing";
  rule.info.explanation =
      "Flags sentences inserted for commerce or search engines: phone numbers, calls to action "
      "(\"buy now\", \"discount code\", \"visit our store\"), shouting (\"!!!\", runs of "
      "capitals), "
      "and keyword stuffing (one word six times in 25 words). A web or e-mail address counts only "
      "beside other evidence, and reference sections, footnotes and ISBNs are left alone. "
      "Consecutive spam sentences are reported as one insert with a code action to delete it.";
  rule.info.example =
      "Trotsky arrived in Mexico in 1937. Buy now and save: call 504-528-1944 today!";
  rule.info.default_severity = Severity::Warning;
  rule.check = check_spam;
  return rule;
}

}  // namespace histlint::garble
