// Hover over a date expression: its normalised form and precision, both calendars for Old Style
// dates, the weekday of a day, and the ages of the people of its sentence at that date.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

#include "rules/analysis.h"
#include "rules/calendar/calendar.h"
#include "rules/queries/hover_card.h"

namespace histlint {

// "15 April 1865" (or "15 Apr 1865") for a Julian day number, in `calendar` or else in the one
// of its time: Julian before the Gregorian reform of 15 October 1582.
std::string day_text(int64_t day, bool abbreviated, std::optional<Calendar> calendar = {});

// The card for the date, range or dual date at `offset`, or nullopt when none is there.
std::optional<HoverCard> date_hover(const Analysis& analysis, size_t offset);

}  // namespace histlint
