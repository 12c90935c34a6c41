// garble/ocr-paragraph: one warning for a paragraph whose OCR is too poor to read, instead of a
// squiggle under every third word. The finding sits on the paragraph's worst error and lists the
// next worst as related information; garble/ocr-noise keeps reporting each word, as information.
#include <algorithm>
#include <string>
#include <vector>

#include "rules/garble/ocr_noise.h"
#include "rules/garble/rules.h"
#include "rules/garble/signals.h"

namespace histlint::garble {

namespace {

constexpr double kDefaultShare = 0.08;  // unreadable words per word judged
constexpr size_t kMinWords = 30;        // a short paragraph's share says little
constexpr size_t kMinUnreadable = 4;
constexpr size_t kRelatedWords = 5;

void check_ocr_paragraph(const Analysis& analysis, std::vector<Finding>& out) {
  const double share = analysis.options().threshold("garble/ocr-paragraph.share", kDefaultShare);
  const std::string_view prose = analysis.doc().prose();
  for (const auto& paragraph : analysis.facts<OcrFacts>().paragraphs) {
    if (paragraph.words < kMinWords || paragraph.unreadable < kMinUnreadable ||
        static_cast<double>(paragraph.unreadable) < share * static_cast<double>(paragraph.words)) {
      continue;
    }
    // Worst first: repairs, then character evidence, then unknown words; earlier first on ties.
    std::vector<const OcrError*> worst;
    for (const auto& e : paragraph.errors) worst.push_back(&e);
    std::stable_sort(worst.begin(), worst.end(),
                     [](const OcrError* a, const OcrError* b) { return a->weight > b->weight; });
    Finding f;
    f.severity = Severity::Warning;
    f.span = worst.front()->span;
    std::string examples;
    for (size_t k = 0; k < worst.size() && k <= kRelatedWords; ++k) {
      const std::string_view text = prose.substr(worst[k]->span.offset, worst[k]->span.length);
      if (k < 3) examples += std::string(k == 0 ? "" : ", ") + "“" + quote_excerpt(text, 20) + "”";
      if (k > 0) f.related.push_back({"", worst[k]->span, worst[k]->message});
    }
    f.message = "Garbled OCR paragraph: " + std::to_string(paragraph.unreadable) + " of " +
                std::to_string(paragraph.words) + " words unreadable, such as " + examples + ".";
    out.push_back(std::move(f));
  }
}

}  // namespace

RuleDef ocr_paragraph_rule() {
  RuleDef rule;
  rule.info.id = "garble/ocr-paragraph";
  rule.info.summary = "Paragraphs whose OCR is too garbled to read";
  rule.info.explanation =
      "Warns once about a paragraph of at least 30 words in which the share of words "
      "garble/ocr-noise finds misread reaches the threshold garble/ocr-paragraph.share (default "
      "0.08). The finding sits on the paragraph's worst word and lists the next worst as related "
      "information. Re-scan the page or correct the paragraph by hand.";
  rule.info.example =
      "Tbe Bolsheviks tlien seized power; tbe rnen of tbe Soviet, wbo bad assembled iu tbe "
      "Smolny Institute, voted tliat night for a govemment of tbe workers and tbe soldiers, and "
      "tbe news was wircd to evcry town of tbe country by tbe next rnorning.";
  rule.info.default_severity = Severity::Warning;
  rule.check = check_ocr_paragraph;
  return rule;
}

}  // namespace histlint::garble
