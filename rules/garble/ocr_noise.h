// OCR error detection shared by garble/ocr-noise (one finding per misread word) and
// garble/ocr-paragraph (one finding per paragraph too garbled to read), with an explicit
// dictionary so tests can run it with none.
#pragma once

#include <string>
#include <vector>

#include "rules/analysis.h"
#include "rules/finding.h"
#include "rules/text/dictionary.h"
#include "rules/text/document.h"

namespace histlint::garble {

// One misread word, or a run of neighbouring ones merged into one finding.
struct OcrError {
  Span span;
  std::string message;
  std::string replacement;  // empty: no repair is certain enough to offer
  Span fix_span;            // what `replacement` replaces when it reaches past `span` (a split
                            // word is reported on its first part and mended whole)
  int weight = 1;           // how sure: 3 a repair, 2 character evidence, 1 an unknown word
};

struct OcrParagraph {
  Span span;
  size_t words = 0;              // words judged (with a letter)
  size_t unreadable = 0;         // of which misread
  std::vector<OcrError> errors;  // merged runs, in text order
};

// The OCR errors of every prose block of `doc`. Without a dictionary only the dictionary-free
// checks run (junk characters inside words, impossible letter runs).
std::vector<OcrParagraph> detect_ocr_errors(const Document& doc, const Dictionary& dict);

// The OCR errors of one prose block, spans relative to the block: kept per block across edits
// and shared by the rules below (Analysis::block_facts).
struct OcrBlockFacts {
  OcrParagraph paragraph;
  static OcrBlockFacts extract_block(const Analysis& analysis, const Block& block);
};

// The OCR errors of an analysed document, detected once for garble/ocr-noise,
// garble/ocr-paragraph and garble/spun-text (Analysis::facts).
struct OcrFacts {
  std::vector<OcrParagraph> paragraphs;
  static OcrFacts extract(const Analysis& analysis);
};

// Appends garble/ocr-noise findings for `doc`.
void find_ocr_noise(const Document& doc, const Dictionary& dict, std::vector<Finding>& out);

// Dictionary words reached from `token` by undoing one or two OCR confusions, fewest edits first;
// `tried` receives how many candidate spellings were looked up. The work is bounded whatever the
// token: long tokens get no repairs and the number of lookups is capped.
std::vector<std::string> ocr_repairs(const std::string& token, const Dictionary& dict,
                                     size_t& tried);

}  // namespace histlint::garble
