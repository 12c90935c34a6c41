// What the source/ rules share: which prose they read, and how they report an unsourced claim.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "rules/analysis.h"
#include "rules/finding.h"

namespace histlint::source_rules {

// Paragraphs and list items outside reference sections. Headings, block quotes (quoted material),
// tables, footnote definitions and code are not claims of the writer's own.
bool is_checked_block(const Block& block);

// True when the sentence holding the offset asks a question.
bool in_question(const Document& doc, size_t offset);

// True when the text speaks in the writer's own voice ("we", "I", "our"): an opinion, which
// no citation could support.
bool is_first_person(std::string_view sentence);

// True when the offset lies inside a quotation or a citation, whose words are not the writer's
// claims.
bool in_quotation_or_citation(const Analysis& analysis, size_t offset);

// True when the offset lies in the lead of a document whose body cites its sources: the prose
// before the first section heading (a title heading above all prose does not end it), when a
// citation follows that heading. Wikipedia lets the lead summarise uncited what the body cites.
bool in_cited_lead(const Analysis& analysis, size_t offset);

// The text of a span for a message: white space collapsed, cut at a word boundary with "…".
std::string excerpt(std::string_view text, size_t max_bytes = 70);

// Appends a finding for a claim no citation supports, with the code actions "insert
// [citation needed]" and, in Markdown, "insert a footnote". Does nothing when a citation
// supports the claim.
void report_unsourced(const Analysis& analysis, Span claim, Severity severity, std::string message,
                      std::vector<Finding>& out);

// Reports the claims of one block at most once per sentence: the first claim of a sentence that
// no citation supports stands for the others, which would only repeat its fixes.
class OneClaimPerSentence {
 public:
  OneClaimPerSentence(const Analysis& analysis, std::vector<Finding>& out)
      : analysis_(analysis), out_(out) {}

  // The sentence of a claim at `offset`, or null when the claim is not to be reported: it lies
  // inside a quotation or a citation, outside any sentence, in a question, or in a sentence
  // already reported.
  const Sentence* open_sentence(size_t offset) const;

  // report_unsourced, and closes the sentence when it reports.
  void report(const Sentence& sentence, Span claim, Severity severity, std::string message);

 private:
  const Analysis& analysis_;
  std::vector<Finding>& out_;
  const Sentence* last_reported_ = nullptr;
};

// The text that appends an empty footnote definition "[^label]: " at the end of the document,
// after a blank line unless the document already ends with footnote definitions.
std::string appended_footnote_definition(const Document& doc, std::string_view label);

}  // namespace histlint::source_rules
