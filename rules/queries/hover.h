// Hover content for a position: people cards and date explanations.
#pragma once

#include <cstddef>
#include <optional>

#include "rules/analysis.h"
#include "rules/queries/hover_card.h"

namespace histlint {

// The card for whatever sits at the byte offset (a person, a date), or nullopt.
std::optional<HoverCard> hover_at(const Analysis& analysis, size_t offset,
                                  const WorkspaceMentionCounter& workspace_mentions = {});

}  // namespace histlint
