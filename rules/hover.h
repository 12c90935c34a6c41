// Hover content for a position: people cards and date explanations.
#pragma once

#include <optional>
#include <string>

#include "rules/analysis.h"
#include "rules/finding.h"

namespace histlint {

struct HoverCard {
  Span span;              // the hovered name or expression
  std::string markdown;   // for clients that take Markdown
  std::string plaintext;  // fallback for clients that do not
};

// The card for whatever sits at the byte offset (a person, a date), or nullopt.
std::optional<HoverCard> hover_at(const Analysis& analysis, size_t offset);

}  // namespace histlint
