// garble/ocr-noise with an explicit dictionary, so tests can run it with none.
#pragma once

#include <vector>

#include "rules/finding.h"
#include "rules/text/dictionary.h"
#include "rules/text/document.h"

namespace histlint::garble {

// Appends OCR-noise findings for `doc`. Without a dictionary only the dictionary-free token rules
// run (junk characters inside words, impossible letter runs).
void find_ocr_noise(const Document& doc, const Dictionary& dict, std::vector<Finding>& out);

}  // namespace histlint::garble
