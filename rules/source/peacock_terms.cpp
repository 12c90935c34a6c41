// source/peacock-terms: praise and editorial asides ("legendary", "of course") that tell the
// reader what to think instead of showing the evidence. A hint, off by default.
#include <re2/re2.h>

#include "rules/extract/citation_matching.h"
#include "rules/source/claims.h"
#include "rules/source/source_rules.h"

namespace histlint::source_rules {

namespace {

using citation_matching::for_each_match;
using citation_matching::Groups;
using citation_matching::span_in;

// Group 1: puffery; group 2: editorialising.
const re2::RE2& peacock_pattern() {
  static const re2::RE2 re(
      R"((?i)\b(legendary|iconic|renowned|world-renowned|world-famous|illustrious|visionary|)"
      R"(masterful|masterpiece|seminal|groundbreaking|ground-breaking|prestigious|world-class|)"
      R"(phenomenal|awe-inspiring|towering\s+figure|larger\s+than\s+life)\b|)"
      R"(\b(of\s+course|obviously|undoubtedly|indisputably|unquestionably|needless\s+to\s+say|)"
      R"(it\s+goes\s+without\s+saying|no\s+one\s+(?:can|could)\s+deny|nobody\s+(?:can|could)\s+)"
      R"(deny|without\s+(?:a|any)\s+doubt|it\s+is\s+(?:clear|obvious|undeniable)\s+that)\b)");
  return re;
}

void check(const Analysis& analysis, std::vector<Finding>& out) {
  const Document& doc = analysis.doc();
  const std::string& prose = doc.prose();
  for (const auto& block : doc.blocks()) {
    if (!is_checked_block(block)) continue;
    for_each_match(
        peacock_pattern(), prose, block.span.offset, block.span.end(), [&](const Groups& g) {
          const bool puffery = g[1].data() != nullptr;
          const Span span = span_in(prose, puffery ? g[1] : g[2]);
          if (in_quotation_or_citation(analysis, span.offset)) return;
          const std::string term = excerpt(doc.prose_slice(span), 40);
          report_unsourced(
              analysis, span, Severity::Hint,
              puffery ? "peacock term without a source: “" + term +
                            "” praises instead of showing the evidence"
                      : "editorial term: “" + term + "” presents an opinion as beyond question",
              out);
        });
  }
}

}  // namespace

const RuleDef& peacock_terms() {
  static const RuleDef rule{
      {"source/peacock-terms", "Praise or an editorial aside that tells the reader what to think.",
       "Puffery (\"legendary\", \"iconic\", \"renowned\", \"seminal\") and editorialising "
       "(\"of course\", \"obviously\", \"no one can deny\") assert a judgement without evidence — "
       "Wikipedia's \"peacock\" and \"editorializing\" words to watch. Replace them with the facts "
       "that earned the praise, or cite who gives it. Off by default: opinion pieces use these "
       "words on purpose; turn it on with {\"rules\": {\"source/peacock-terms\": \"hint\"}}.",
       "The legendary commander of course never lost a battle.", Severity::Hint, false},
      &check};
  return rule;
}

}  // namespace histlint::source_rules
