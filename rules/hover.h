// Hover content for a position: people cards and date explanations.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "rules/analysis.h"
#include "rules/finding.h"

namespace histlint {

struct HoverCard {
  Span span;              // the hovered name or expression
  std::string markdown;   // for clients that take Markdown
  std::string plaintext;  // fallback for clients that do not
};

// Counts a person's mentions in the other documents of the workspace (the server's index);
// the person card shows the figure when given.
using WorkspaceMentionCounter = std::function<size_t(std::string_view person_id)>;

// The card for whatever sits at the byte offset (a person, a date), or nullopt.
std::optional<HoverCard> hover_at(const Analysis& analysis, size_t offset,
                                  const WorkspaceMentionCounter& workspace_mentions = {});

}  // namespace histlint
