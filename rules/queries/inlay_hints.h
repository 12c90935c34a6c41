// Inlay hints: what the text's dates and ages come to, shown inline after them. Only facts that
// are certain get a hint: an age the person's dates fix to one value, a marked Old Style day,
// a relative expression resolved to one day from a date of its own paragraph.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "rules/analysis.h"

namespace histlint {

enum class InlayHintKind {
  Age,       // "aged 60" · 60 by his dates
  NewStyle,  // "25 October 1917 O.S." · 7 Nov 1917 N.S.
  Resolved,  // "the next morning" · 15 Apr 1865
};

struct InlayHint {
  size_t offset = 0;  // where it shows: the end of the expression
  InlayHintKind kind = InlayHintKind::Age;
  std::string label;    // "· 60 by his dates"
  std::string tooltip;  // one sentence saying where the hint comes from
};

// The hints of the document whose expressions end within [from, to], in text order.
std::vector<InlayHint> inlay_hints(const Analysis& analysis, size_t from, size_t to);

}  // namespace histlint
