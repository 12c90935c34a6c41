// date/calendar-offset: a dual Old Style / New Style date whose two readings are not the same day.
#include <cstdlib>

#include "rules/date/rules.h"
#include "rules/extract/dates.h"

namespace histlint::date_rules {

namespace {

std::string day_month(const CivilDate& d) {
  return std::to_string(d.day) + " " + calendar::month_name(d.month);
}

void check(const Analysis& analysis, std::vector<Finding>& out) {
  const auto& facts = analysis.facts<DateFacts>();
  for (const DateMention& d : facts.dates) {
    if (!d.alternate || d.sic) continue;
    const bool main_is_julian = d.value.calendar == Calendar::Julian;
    DateValue julian = main_is_julian ? d.value : *d.alternate;
    const DateValue& gregorian = main_is_julian ? *d.alternate : d.value;
    if (julian.granularity != DateGranularity::Day ||
        gregorian.granularity != DateGranularity::Day || julian.year == 0 || gregorian.year == 0 ||
        !julian.exists || !gregorian.exists) {
      continue;
    }
    if (julian.first == gregorian.first) continue;
    // Where the legal year began on 25 March, "6 January 1705" Old Style is 17 January 1706 New
    // Style.
    if (julian.year + 1 == gregorian.year &&
        (julian.month < 3 || (julian.month == 3 && julian.day < 25))) {
      const auto shifted =
          calendar::day_number(julian.year + 1, julian.month, julian.day, Calendar::Julian);
      if (shifted && *shifted == gregorian.first) continue;
    }
    const auto offset = calendar::julian_offset(julian.year, julian.month, julian.day);
    if (!offset) continue;
    const CivilDate expected = calendar::to_gregorian(julian.year, julian.month, julian.day);
    // Without an O.S./N.S. mark the pair is read as two calendars only when it is close to right;
    // a gap far from the true offset more likely names two different days.
    if (!d.alternate_marked && std::llabs(gregorian.first - julian.first) > 2) continue;
    Finding f;
    f.span = d.value_span;
    f.message = "Old Style " + julian.display() + " was New Style " + day_month(expected) + " " +
                year_text(expected.year) + ", not " +
                day_month(CivilDate{gregorian.year, gregorian.month, gregorian.day}) + ": in " +
                year_text(julian.year) + " the Julian calendar ran " + std::to_string(*offset) +
                " days behind the Gregorian.";
    out.push_back(std::move(f));
  }
}

}  // namespace

RuleDef calendar_offset_rule() {
  return RuleDef{
      RuleInfo{
          "date/calendar-offset",
          "A dual Old Style / New Style date whose two days are not the same day.",
          "Checks dates given in both calendars, such as \"7 November [O.S. 26 October] 1879\", "
          "\"26 October [7 November N.S.] 1917\" or \"25 October (7 November) 1917\". The Julian "
          "calendar ran 10 days behind the Gregorian until Julian 28 February 1700, then 11, 12 "
          "from Julian 1 March 1800 and 13 from Julian 1 March 1900 until 2100. An Old Style year "
          "that still counts from 25 March (\"17 January 1706 [O.S. 6 January 1705]\") is "
          "accepted.",
          "Trotsky was born on 7 November [O.S. 25 October] 1879.",
          Severity::Warning,
          true,
      },
      check,
  };
}

}  // namespace histlint::date_rules
