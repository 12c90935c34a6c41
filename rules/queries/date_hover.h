// Hover over a date expression: its normalised form and precision, both calendars for Old Style
// dates, the weekday of a day, and the ages of the people of its sentence at that date.
#pragma once

#include <cstddef>
#include <optional>

#include "rules/analysis.h"
#include "rules/queries/hover_card.h"

namespace histlint {

// The card for the date, range or dual date at `offset`, or nullopt when none is there.
std::optional<HoverCard> date_hover(const Analysis& analysis, size_t offset);

}  // namespace histlint
