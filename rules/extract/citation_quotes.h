// Quotations in a document's prose: “…”, "…", ‘…’, «…», „…“, with the words they hold.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "rules/finding.h"

namespace histlint {

class Analysis;

struct Quotation {
  Span span;   // from the opening mark to the closing one (to the block's end when unclosed)
  Span inner;  // the quoted words, without the marks
  uint32_t block = 0;
  int words = 0;
  // The quoted words end a sentence of their own ("… to the end.”), rather than a phrase that
  // the surrounding sentence goes on from ("“On his sixtieth birthday”, wrote …").
  bool ends_sentence = false;
};

// The words of a quotation: runs of letters and digits, with inner apostrophes and hyphens.
int count_quoted_words(std::string_view text);

struct QuotationFacts {
  std::vector<Quotation> quotations;  // document order, disjoint

  // True when the offset lies inside a quotation, marks included.
  bool contains(size_t offset) const;

  static QuotationFacts extract(const Analysis& analysis);
};

}  // namespace histlint
