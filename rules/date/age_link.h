// Which person a stated age is about and the moment it is measured at: shared by
// date/age-mismatch, which compares the age with the person's dates, and the editor's inlay
// hints, which show the age those dates give.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "rules/analysis.h"
#include "rules/date/support.h"
#include "rules/extract/dates.h"
#include "rules/extract/people.h"

namespace histlint::date_rules {

struct AgeLink {
  // "(7 November 1879 – 21 August 1940) (aged 60)": the text's own life dates just before the
  // age; when set, nothing else is linked.
  const DateMention* lifespan = nullptr;
  // The death verb beside the age ("assassinated"): the age is measured at the person's death.
  std::string_view death_word;
  // Otherwise the date of the sentence the age is measured at.
  const DateMention* when = nullptr;
  // The people the age may be about, subjects first.
  std::vector<std::string_view> candidates;
};

// The link of an age in narrative prose, or nullopt when it has nothing to be measured at
// (quoted, no finite verb, no date, a birthday with no death beside it).
std::optional<AgeLink> link_age(const Analysis& analysis, const AgeMention& age);

// The ages a candidate can have at the linked moment, or nullopt when their birth (or, for a
// death word, death) is unknown or the date falls outside their life.
std::optional<AgeRange> age_by_dates(const LifeDates& life, const AgeLink& link);

}  // namespace histlint::date_rules
