#include "rules/source/claims.h"

#include <algorithm>
#include <array>
#include <cctype>

#include "rules/extract/citation_quotes.h"
#include "rules/extract/citations.h"
#include "rules/source/genre.h"
#include "rules/text/utf8.h"

namespace histlint::source_rules {

namespace {

// Where a citation for the claim goes: after the sentence that ends the claim.
size_t insertion_point(const Document& doc, Span claim) {
  const size_t last = claim.length > 0 ? claim.end() - 1 : claim.offset;
  if (const Sentence* s = doc.sentence_at(last)) return std::max(s->span.end(), claim.end());
  if (const Block* b = doc.block_at(last)) {
    size_t end = b->span.end();
    while (end > claim.end() && std::isspace(static_cast<unsigned char>(doc.text()[end - 1])))
      --end;
    return end;
  }
  return claim.end();
}

}  // namespace

std::string appended_footnote_definition(const Document& doc, std::string_view label) {
  const std::string& text = doc.text();
  const bool after_definition =
      !doc.blocks().empty() && doc.blocks().back().kind == BlockKind::FootnoteDefinition;
  std::string prefix;
  if (!text.empty() && text.back() != '\n') {
    prefix = after_definition ? "\n" : "\n\n";
  } else if (!text.empty() && !after_definition &&
             (text.size() < 2 || text[text.size() - 2] != '\n')) {
    prefix = "\n";
  }
  return prefix + "[^" + std::string(label) + "]: \n";
}

bool is_checked_block(const Block& block) {
  return (block.kind == BlockKind::Paragraph || block.kind == BlockKind::ListItem) &&
         !block.in_reference_section;
}

bool in_question(const Document& doc, size_t offset) {
  const Sentence* s = doc.sentence_at(offset);
  if (s == nullptr) return false;
  const std::string_view prose = doc.prose_slice(s->span);
  size_t end = prose.size();
  while (end > 0) {
    size_t len = 0;
    const char32_t c = utf8::decode_before(prose, end, len);
    if (!utf8::is_closing_punct(c) && !utf8::is_space(c)) return c == '?';
    end -= len;
  }
  return false;
}

bool is_first_person(std::string_view sentence) {
  static constexpr std::array<std::string_view, 8> kPronouns = {"we", "We",        "our", "Our",
                                                                "us", "ourselves", "my",  "My"};
  std::string_view previous;
  bool first_word = true;
  size_t pos = 0;
  while (pos < sentence.size()) {
    while (pos < sentence.size() && !std::isalpha(static_cast<unsigned char>(sentence[pos]))) ++pos;
    size_t end = pos;
    while (end < sentence.size() && std::isalpha(static_cast<unsigned char>(sentence[end]))) ++end;
    if (end == pos) break;
    const std::string_view word = sentence.substr(pos, end - pos);
    // "I" is the writer unless it is a regnal numeral: "Nicholas I", "World War I".
    const bool numeral =
        !first_word && !previous.empty() && std::isupper(static_cast<unsigned char>(previous[0]));
    if ((word == "I" && !numeral) ||
        std::find(kPronouns.begin(), kPronouns.end(), word) != kPronouns.end()) {
      return true;
    }
    first_word = false;
    previous = word;
    pos = end;
  }
  return false;
}

bool in_quotation_or_citation(const Analysis& analysis, size_t offset) {
  return analysis.facts<QuotationFacts>().contains(offset) ||
         analysis.facts<CitationFacts>().inside_citation(offset);
}

namespace {

// Where a document's cited lead ends (0: the document has no lead that its body's citations
// cover). A lead is a summary: shorter than the body after it, which has sections of its own.
struct CitedLeadFacts {
  size_t end = 0;

  static CitedLeadFacts extract(const Analysis& analysis) {
    const auto& blocks = analysis.doc().blocks();
    size_t lead_end = 0, lead_bytes = 0, body_bytes = 0;
    for (size_t b = 0; b < blocks.size(); ++b) {
      const Block& block = blocks[b];
      // A heading that opens the notes or references is no section of the body.
      const bool section_heading = block.kind == BlockKind::Heading &&
                                   !block.in_reference_section &&
                                   !(b + 1 < blocks.size() && blocks[b + 1].in_reference_section);
      if (lead_end == 0 && section_heading && lead_bytes > 0) lead_end = block.span.offset;
      if (!is_checked_block(block)) continue;
      (lead_end == 0 ? lead_bytes : body_bytes) += block.span.length;
    }
    if (lead_end == 0 || lead_bytes >= body_bytes) return {};
    const auto in_body = [&](size_t offset, uint32_t block) {
      return offset >= lead_end && !blocks[block].in_reference_section;
    };
    const auto& citations = analysis.facts<CitationFacts>();
    const bool body_cites =
        std::any_of(citations.citations.begin(), citations.citations.end(), [&](const Citation& c) {
          return c.kind != CitationKind::CitationNeeded && in_body(c.span.offset, c.block);
        });
    return {body_cites ? lead_end : 0};
  }
};

}  // namespace

bool in_cited_lead(const Analysis& analysis, size_t offset) {
  return offset < analysis.facts<CitedLeadFacts>().end;
}

std::string excerpt(std::string_view text, size_t max_bytes) {
  std::string out;
  bool space = false;
  for (size_t i = 0; i < text.size();) {
    size_t len = 0;
    const char32_t c = utf8::decode(text, i, len);
    if (utf8::is_space(c)) {
      space = !out.empty();
    } else {
      if (space) out += ' ';
      space = false;
      out.append(text.substr(i, len));
    }
    i += len;
  }
  if (out.size() <= max_bytes) return out;
  size_t cut = out.rfind(' ', max_bytes);
  if (cut == std::string::npos || cut < max_bytes / 2) {
    cut = max_bytes;
    while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;
  }
  while (cut > 0 && (out[cut - 1] == ',' || out[cut - 1] == ';' || out[cut - 1] == ':')) --cut;
  return out.substr(0, cut) + "…";
}

void report_unsourced(const Analysis& analysis, Span claim, Severity severity, std::string message,
                      std::vector<Finding>& out) {
  // A primary source is itself the source.
  if (analysis.facts<GenreFacts>().primary) return;
  const auto& citations = analysis.facts<CitationFacts>();
  if (citations.supports(claim)) return;
  const Document& doc = analysis.doc();
  const size_t at = insertion_point(doc, claim);

  Finding f;
  f.severity = severity;
  f.span = claim;
  f.message = std::move(message);
  if (doc.language() == Language::Wikitext) {
    f.fixes.push_back(
        {"Insert {{citation needed}} after the sentence", {{{at, 0}, "{{citation needed}}"}}});
  } else {
    f.fixes.push_back(
        {"Insert [citation needed] after the sentence", {{{at, 0}, "[citation needed]"}}});
  }
  if (doc.language() == Language::Markdown) {
    const int number = citations.next_footnote_number();
    const std::string label = "[^" + std::to_string(number) + "]";
    f.fixes.push_back(
        {"Insert footnote " + label + " with an empty definition at the end",
         {{{at, 0}, label},
          {{doc.text().size(), 0}, appended_footnote_definition(doc, std::to_string(number))}}});
  }
  out.push_back(std::move(f));
}

const Sentence* OneClaimPerSentence::open_sentence(size_t offset) const {
  if (in_quotation_or_citation(analysis_, offset)) return nullptr;
  const Document& doc = analysis_.doc();
  const Sentence* sentence = doc.sentence_at(offset);
  if (sentence == nullptr || sentence == last_reported_ || in_question(doc, offset)) return nullptr;
  return sentence;
}

void OneClaimPerSentence::report(const Sentence& sentence, Span claim, Severity severity,
                                 std::string message) {
  const size_t before = out_.size();
  report_unsourced(analysis_, claim, severity, std::move(message), out_);
  if (out_.size() > before) last_reported_ = &sentence;
}

}  // namespace histlint::source_rules
