// Citations in a document, in every common style, and the text each one supports.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "rules/finding.h"

namespace histlint {

class Analysis;

enum class CitationKind {
  FootnoteReference,  // [^1], [^note]
  Numeric,            // [1], [1, p. 3], [2][3], [a]
  Superscript,        // ¹²³, <sup>4</sup>, <ref>…</ref>, {{cite …}}
  AuthorYear,         // (Deutscher 1954, p. 20), [Carr 1950], Deutscher (1954), (ibid.), (p. 20)
  Link,               // [text](url), [text][ref], <https://…>, bare URLs, doi:10.…
  Attribution,        // "according to the Dewey Commission report", "wrote in My Life"
  SourceLine,         // "Source: Wikipedia" on a line of its own
  AttributionLine,    // "— Trotsky, My Life" under a quotation
  CitationNeeded,     // "[citation needed]": the writer has already marked the claim
};

struct Citation {
  CitationKind kind = CitationKind::Numeric;
  Span span;
  uint32_t block = 0;  // index into Document::blocks()
};

struct FootnoteReference {
  std::string label;  // case-folded, as CommonMark matches labels
  Span span;          // "[^label]"
};

struct FootnoteDefinition {
  std::string label;   // case-folded
  Span marker;         // "[^label]:"
  bool empty = false;  // nothing after the marker
};

struct CitationFacts {
  std::vector<Citation> citations;  // document order
  std::vector<FootnoteReference> footnote_references;
  std::vector<FootnoteDefinition> footnote_definitions;

  // True when a citation supports some of the claim's text. Under CitationScope::Sentence a
  // citation supports the text before it in its paragraph, back to the previous citation (the
  // Wikipedia convention); under CitationScope::Paragraph any citation covers its whole paragraph.
  // Attributions also cover the rest of their sentence, "Source:" lines the section above them,
  // attribution lines the quotation above them, "[citation needed]" only its own sentence.
  bool supports(Span claim) const;
  // True when the offset lies inside a citation (its digits and names are not claims).
  bool inside_citation(size_t offset) const;
  // One more than the largest numeric footnote label in use: the label for a new footnote.
  int next_footnote_number() const { return next_footnote; }

  static CitationFacts extract(const Analysis& analysis);

  // Filled in by extract(): the sorted, disjoint ranges citations support, and the next label.
  std::vector<Span> covered;
  int next_footnote = 1;
};

}  // namespace histlint
